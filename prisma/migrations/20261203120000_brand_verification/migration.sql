-- CreateTable
CREATE TABLE "BrandVerification" (
    "applicationId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "brandSid" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL,
    "sends" INTEGER NOT NULL DEFAULT 1,
    "expiryNotifiedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("applicationId", "method")
);

