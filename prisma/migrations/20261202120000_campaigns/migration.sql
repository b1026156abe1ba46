-- CreateTable
CREATE TABLE "CampaignRegistration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "draft" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "submittedAt" DATETIME,
    "approvedAt" DATETIME,
    "approvedById" TEXT,
    "useCases" JSONB,
    "useCasesFetchedAt" DATETIME,
    "overrideReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CampaignRegistration_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "OnboardingApplication" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SenderNumber" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "phoneNumberSid" TEXT NOT NULL,
    "phoneNumber" TEXT NOT NULL,
    "addedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "TwilioCharge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "resourceSid" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProvisioningJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'QUEUED',
    "phase" TEXT NOT NULL DEFAULT 'registration',
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
INSERT INTO "new_ProvisioningJob" ("applicationId", "attempts", "createdAt", "currentStep", "finishedAt", "id", "lastError", "lastErrorCode", "lockedBy", "lockedUntil", "retryLaterCount", "runAfter", "state", "updatedAt") SELECT "applicationId", "attempts", "createdAt", "currentStep", "finishedAt", "id", "lastError", "lastErrorCode", "lockedBy", "lockedUntil", "retryLaterCount", "runAfter", "state", "updatedAt" FROM "ProvisioningJob";
DROP TABLE "ProvisioningJob";
ALTER TABLE "new_ProvisioningJob" RENAME TO "ProvisioningJob";
CREATE UNIQUE INDEX "ProvisioningJob_applicationId_key" ON "ProvisioningJob"("applicationId");
CREATE INDEX "ProvisioningJob_state_runAfter_idx" ON "ProvisioningJob"("state", "runAfter");
CREATE TABLE "new_IsvSettings" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "portalName" TEXT NOT NULL DEFAULT 'Onboarding Portal',
    "supportEmail" TEXT,
    "notificationEmail" TEXT,
    "primaryCustomerProfileSid" TEXT,
    "publicBaseUrl" TEXT,
    "customersManageSenders" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_IsvSettings" ("id", "notificationEmail", "portalName", "primaryCustomerProfileSid", "publicBaseUrl", "supportEmail", "updatedAt") SELECT "id", "notificationEmail", "portalName", "primaryCustomerProfileSid", "publicBaseUrl", "supportEmail", "updatedAt" FROM "IsvSettings";
DROP TABLE "IsvSettings";
ALTER TABLE "new_IsvSettings" RENAME TO "IsvSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "CampaignRegistration_applicationId_key" ON "CampaignRegistration"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "SenderNumber_applicationId_phoneNumberSid_key" ON "SenderNumber"("applicationId", "phoneNumberSid");

-- CreateIndex
CREATE UNIQUE INDEX "TwilioCharge_key_key" ON "TwilioCharge"("key");

-- CreateIndex
CREATE INDEX "TwilioCharge_applicationId_idx" ON "TwilioCharge"("applicationId");

