-- CreateTable
CREATE TABLE "BrandResubmission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "brandSid" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'requested',
    "reason" TEXT,
    "requestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME
);

-- CreateIndex
CREATE INDEX "BrandResubmission_applicationId_state_idx" ON "BrandResubmission"("applicationId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "BrandResubmission_brandSid_attempt_key" ON "BrandResubmission"("brandSid", "attempt");

