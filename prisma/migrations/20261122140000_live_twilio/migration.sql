-- CreateTable
CREATE TABLE "TwilioEventStream" (
    "accountSid" TEXT NOT NULL PRIMARY KEY,
    "destination" TEXT NOT NULL,
    "sinkSid" TEXT,
    "subscriptionSid" TEXT,
    "lastError" TEXT,
    "claimedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TwilioCreateIntent" (
    "applicationId" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("applicationId", "step")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProvisioningJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'QUEUED',
    "currentStep" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "retryLaterCount" INTEGER NOT NULL DEFAULT 0,
    "lockedBy" TEXT,
    "lockedUntil" DATETIME,
    "runAfter" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastErrorCode" INTEGER,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);
INSERT INTO "new_ProvisioningJob" ("applicationId", "attempts", "createdAt", "currentStep", "finishedAt", "id", "lastError", "lastErrorCode", "lockedBy", "lockedUntil", "runAfter", "state", "updatedAt") SELECT "applicationId", "attempts", "createdAt", "currentStep", "finishedAt", "id", "lastError", "lastErrorCode", "lockedBy", "lockedUntil", "runAfter", "state", "updatedAt" FROM "ProvisioningJob";
DROP TABLE "ProvisioningJob";
ALTER TABLE "new_ProvisioningJob" RENAME TO "ProvisioningJob";
CREATE UNIQUE INDEX "ProvisioningJob_applicationId_key" ON "ProvisioningJob"("applicationId");
CREATE INDEX "ProvisioningJob_state_runAfter_idx" ON "ProvisioningJob"("state", "runAfter");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

