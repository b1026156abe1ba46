-- The staff's daily digest of stuck customers (#29 line 3): one row per day, the claim.
CREATE TABLE "StaffDigest" (
    "day" TEXT NOT NULL PRIMARY KEY,
    "sentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "customers" INTEGER NOT NULL
);
