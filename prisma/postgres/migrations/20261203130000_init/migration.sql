-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('ADMIN', 'STAFF', 'CUSTOMER');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED');

-- CreateEnum
CREATE TYPE "ProvisioningState" AS ENUM ('QUEUED', 'RUNNING', 'WAITING', 'NEEDS_CUSTOMER', 'FAILED', 'DONE');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "role" "UserRole" NOT NULL,
    "passwordHash" TEXT,
    "organizationId" TEXT,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "twilioAccountSid" TEXT,
    "twilioAuthTokenEncrypted" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "UserRole" NOT NULL,
    "organizationId" TEXT,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "invitedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordResetToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordResetToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMP(3),

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "OnboardingApplication" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'DRAFT',
    "draft" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "currentStep" TEXT,
    "submittedAt" TIMESTAMP(3),
    "approvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "stage" TEXT NOT NULL DEFAULT 'draft',
    "stageRank" INTEGER NOT NULL DEFAULT 0,
    "stageSince" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "needsAction" BOOLEAN NOT NULL DEFAULT false,
    "dueAt" TIMESTAMP(3),
    "displayName" TEXT NOT NULL DEFAULT '',
    "searchText" TEXT NOT NULL DEFAULT '',
    "registrationNumberHint" TEXT,
    "registrationNumberIndex" TEXT,
    "profileStatus" TEXT,
    "trustProductStatus" TEXT,
    "brandStatus" TEXT,
    "identityStatus" TEXT,
    "brandScore" INTEGER,
    "campaignStatus" TEXT,
    "lastActivityAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OnboardingApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewComment" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "authorId" TEXT,
    "source" TEXT NOT NULL DEFAULT 'staff',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "ReviewComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProvisioningJob" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "state" "ProvisioningState" NOT NULL DEFAULT 'QUEUED',
    "phase" TEXT NOT NULL DEFAULT 'registration',
    "currentStep" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "retryLaterCount" INTEGER NOT NULL DEFAULT 0,
    "lockedBy" TEXT,
    "lockedUntil" TIMESTAMP(3),
    "runAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastErrorCode" INTEGER,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ProvisioningJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TwilioResource" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "sid" TEXT NOT NULL,
    "accountSid" TEXT NOT NULL,
    "status" TEXT,
    "statusUpdatedAt" TIMESTAMP(3),
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TwilioResource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TwilioRateSlot" (
    "key" TEXT NOT NULL,
    "nextAllowedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TwilioRateSlot_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT,
    "organizationId" TEXT,
    "metadata" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IsvSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "portalName" TEXT NOT NULL DEFAULT 'Onboarding Portal',
    "supportEmail" TEXT,
    "notificationEmail" TEXT,
    "primaryCustomerProfileSid" TEXT,
    "publicBaseUrl" TEXT,
    "customersManageSenders" BOOLEAN NOT NULL DEFAULT false,
    "mockBrands" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IsvSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TwilioEventStream" (
    "accountSid" TEXT NOT NULL,
    "destination" TEXT NOT NULL,
    "sinkSid" TEXT,
    "subscriptionSid" TEXT,
    "lastError" TEXT,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TwilioEventStream_pkey" PRIMARY KEY ("accountSid")
);

-- CreateTable
CREATE TABLE "TwilioCreateIntent" (
    "applicationId" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TwilioCreateIntent_pkey" PRIMARY KEY ("applicationId","step")
);

-- CreateTable
CREATE TABLE "CampaignRegistration" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'DRAFT',
    "draft" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "submittedAt" TIMESTAMP(3),
    "approvedAt" TIMESTAMP(3),
    "approvedById" TEXT,
    "useCases" JSONB,
    "useCasesFetchedAt" TIMESTAMP(3),
    "overrideReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CampaignRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SenderNumber" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "phoneNumberSid" TEXT NOT NULL,
    "phoneNumber" TEXT NOT NULL,
    "addedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SenderNumber_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TwilioCharge" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "resourceSid" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TwilioCharge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BrandResubmission" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "brandSid" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'requested',
    "reason" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "BrandResubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShakenStirNumber" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "phoneNumberSid" TEXT NOT NULL,
    "phoneNumber" TEXT NOT NULL,
    "requestedById" TEXT,
    "assignedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShakenStirNumber_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BrandVerification" (
    "applicationId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "brandSid" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "sends" INTEGER NOT NULL DEFAULT 1,
    "expiryNotifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BrandVerification_pkey" PRIMARY KEY ("applicationId","method")
);

-- CreateTable
CREATE TABLE "AccountSlot" (
    "accountSid" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "holder" TEXT NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccountSlot_pkey" PRIMARY KEY ("accountSid","slot")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_organizationId_idx" ON "User"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_email_idx" ON "Invitation"("email");

-- CreateIndex
CREATE UNIQUE INDEX "PasswordResetToken_tokenHash_key" ON "PasswordResetToken"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordResetToken_userId_idx" ON "PasswordResetToken"("userId");

-- CreateIndex
CREATE INDEX "RateLimit_expire_idx" ON "RateLimit"("expire");

-- CreateIndex
CREATE INDEX "OnboardingApplication_organizationId_idx" ON "OnboardingApplication"("organizationId");

-- CreateIndex
CREATE INDEX "OnboardingApplication_status_idx" ON "OnboardingApplication"("status");

-- CreateIndex
CREATE INDEX "OnboardingApplication_stage_stageSince_idx" ON "OnboardingApplication"("stage", "stageSince");

-- CreateIndex
CREATE INDEX "OnboardingApplication_stageRank_idx" ON "OnboardingApplication"("stageRank");

-- CreateIndex
CREATE INDEX "OnboardingApplication_needsAction_stageSince_idx" ON "OnboardingApplication"("needsAction", "stageSince");

-- CreateIndex
CREATE INDEX "OnboardingApplication_dueAt_idx" ON "OnboardingApplication"("dueAt");

-- CreateIndex
CREATE INDEX "OnboardingApplication_displayName_idx" ON "OnboardingApplication"("displayName");

-- CreateIndex
CREATE INDEX "OnboardingApplication_lastActivityAt_idx" ON "OnboardingApplication"("lastActivityAt");

-- CreateIndex
CREATE INDEX "OnboardingApplication_profileStatus_idx" ON "OnboardingApplication"("profileStatus");

-- CreateIndex
CREATE INDEX "OnboardingApplication_brandStatus_idx" ON "OnboardingApplication"("brandStatus");

-- CreateIndex
CREATE INDEX "OnboardingApplication_registrationNumberIndex_idx" ON "OnboardingApplication"("registrationNumberIndex");

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

-- CreateIndex
CREATE INDEX "AuditLog_organizationId_createdAt_idx" ON "AuditLog"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_targetType_targetId_idx" ON "AuditLog"("targetType", "targetId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignRegistration_applicationId_key" ON "CampaignRegistration"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "SenderNumber_applicationId_phoneNumberSid_key" ON "SenderNumber"("applicationId", "phoneNumberSid");

-- CreateIndex
CREATE UNIQUE INDEX "TwilioCharge_key_key" ON "TwilioCharge"("key");

-- CreateIndex
CREATE INDEX "TwilioCharge_applicationId_idx" ON "TwilioCharge"("applicationId");

-- CreateIndex
CREATE INDEX "BrandResubmission_applicationId_state_idx" ON "BrandResubmission"("applicationId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "BrandResubmission_brandSid_attempt_key" ON "BrandResubmission"("brandSid", "attempt");

-- CreateIndex
CREATE UNIQUE INDEX "ShakenStirNumber_applicationId_phoneNumberSid_key" ON "ShakenStirNumber"("applicationId", "phoneNumberSid");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordResetToken" ADD CONSTRAINT "PasswordResetToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnboardingApplication" ADD CONSTRAINT "OnboardingApplication_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignRegistration" ADD CONSTRAINT "CampaignRegistration_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "OnboardingApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

