-- CreateTable
CREATE TABLE "AccountSlot" (
    "accountSid" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "holder" TEXT NOT NULL,
    "until" DATETIME NOT NULL,

    PRIMARY KEY ("accountSid", "slot")
);

