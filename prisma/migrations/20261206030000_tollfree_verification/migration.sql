-- Toll-free verification (#29 line 1): one per toll-free number.
CREATE TABLE "TollfreeVerification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "phoneNumberSid" TEXT NOT NULL,
    "phoneNumber" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "draft" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "submittedAt" DATETIME,
    "approvedAt" DATETIME,
    "approvedById" TEXT,
    "approvedVersion" INTEGER,
    "submission" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TollfreeVerification_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "OnboardingApplication" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE UNIQUE INDEX "TollfreeVerification_phoneNumberSid_key" ON "TollfreeVerification"("phoneNumberSid");
CREATE INDEX "TollfreeVerification_applicationId_idx" ON "TollfreeVerification"("applicationId");
