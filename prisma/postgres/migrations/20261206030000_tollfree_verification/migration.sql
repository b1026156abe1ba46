-- Toll-free verification (#29 line 1): one per toll-free number.
CREATE TABLE "TollfreeVerification" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "phoneNumberSid" TEXT NOT NULL,
    "phoneNumber" TEXT NOT NULL,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'DRAFT',
    "draft" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "submittedAt" TIMESTAMP(3),
    "approvedAt" TIMESTAMP(3),
    "approvedById" TEXT,
    "approvedVersion" INTEGER,
    "submission" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TollfreeVerification_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "TollfreeVerification_phoneNumberSid_key" ON "TollfreeVerification"("phoneNumberSid");
CREATE INDEX "TollfreeVerification_applicationId_idx" ON "TollfreeVerification"("applicationId");
ALTER TABLE "TollfreeVerification" ADD CONSTRAINT "TollfreeVerification_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "OnboardingApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;
