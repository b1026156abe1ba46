-- AlterTable
ALTER TABLE "Organization" ADD COLUMN "twilioAccountSid" TEXT;

-- AlterTable
ALTER TABLE "OnboardingApplication" ADD COLUMN "approvedAt" DATETIME;

-- AlterTable
ALTER TABLE "IsvSettings" ADD COLUMN "notificationEmail" TEXT;
ALTER TABLE "IsvSettings" ADD COLUMN "primaryCustomerProfileSid" TEXT;
ALTER TABLE "IsvSettings" ADD COLUMN "publicBaseUrl" TEXT;

-- CreateTable
CREATE TABLE "ReviewComment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "authorId" TEXT,
    "source" TEXT NOT NULL DEFAULT 'staff',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME
);

-- CreateTable
CREATE TABLE "ProvisioningJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'QUEUED',
    "currentStep" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lockedBy" TEXT,
    "lockedUntil" DATETIME,
    "runAfter" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastErrorCode" INTEGER,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "TwilioResource" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "sid" TEXT NOT NULL,
    "accountSid" TEXT NOT NULL,
    "status" TEXT,
    "statusUpdatedAt" DATETIME,
    "details" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "TwilioRateSlot" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "nextAllowedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ReviewComment_applicationId_resolvedAt_idx" ON "ReviewComment"("applicationId", "resolvedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProvisioningJob_applicationId_key" ON "ProvisioningJob"("applicationId");

-- CreateIndex
CREATE INDEX "ProvisioningJob_state_runAfter_idx" ON "ProvisioningJob"("state", "runAfter");

-- CreateIndex
CREATE INDEX "TwilioResource_sid_idx" ON "TwilioResource"("sid");

-- CreateIndex
CREATE UNIQUE INDEX "TwilioResource_applicationId_step_key" ON "TwilioResource"("applicationId", "step");

