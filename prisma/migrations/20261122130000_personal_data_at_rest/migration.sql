-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OnboardingApplication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "draft" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "currentStep" TEXT,
    "submittedAt" DATETIME,
    "approvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "stage" TEXT NOT NULL DEFAULT 'draft',
    "stageRank" INTEGER NOT NULL DEFAULT 0,
    "stageSince" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "needsAction" BOOLEAN NOT NULL DEFAULT false,
    "dueAt" DATETIME,
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
    "lastActivityAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OnboardingApplication_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_OnboardingApplication" ("approvedAt", "brandScore", "brandStatus", "campaignStatus", "createdAt", "currentStep", "displayName", "draft", "dueAt", "id", "identityStatus", "lastActivityAt", "needsAction", "organizationId", "profileStatus", "searchText", "stage", "stageRank", "stageSince", "status", "submittedAt", "trustProductStatus", "updatedAt", "version") SELECT "approvedAt", "brandScore", "brandStatus", "campaignStatus", "createdAt", "currentStep", "displayName", "draft", "dueAt", "id", "identityStatus", "lastActivityAt", "needsAction", "organizationId", "profileStatus", "searchText", "stage", "stageRank", "stageSince", "status", "submittedAt", "trustProductStatus", "updatedAt", "version" FROM "OnboardingApplication";
DROP TABLE "OnboardingApplication";
ALTER TABLE "new_OnboardingApplication" RENAME TO "OnboardingApplication";
CREATE INDEX "OnboardingApplication_organizationId_idx" ON "OnboardingApplication"("organizationId");
CREATE INDEX "OnboardingApplication_status_idx" ON "OnboardingApplication"("status");
CREATE INDEX "OnboardingApplication_stage_stageSince_idx" ON "OnboardingApplication"("stage", "stageSince");
CREATE INDEX "OnboardingApplication_stageRank_idx" ON "OnboardingApplication"("stageRank");
CREATE INDEX "OnboardingApplication_needsAction_stageSince_idx" ON "OnboardingApplication"("needsAction", "stageSince");
CREATE INDEX "OnboardingApplication_dueAt_idx" ON "OnboardingApplication"("dueAt");
CREATE INDEX "OnboardingApplication_displayName_idx" ON "OnboardingApplication"("displayName");
CREATE INDEX "OnboardingApplication_lastActivityAt_idx" ON "OnboardingApplication"("lastActivityAt");
CREATE INDEX "OnboardingApplication_profileStatus_idx" ON "OnboardingApplication"("profileStatus");
CREATE INDEX "OnboardingApplication_brandStatus_idx" ON "OnboardingApplication"("brandStatus");
CREATE INDEX "OnboardingApplication_registrationNumberIndex_idx" ON "OnboardingApplication"("registrationNumberIndex");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

