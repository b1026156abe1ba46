-- The adoption scan (#28 line 1): runs, the accounts each reads, the customers it proposes.
CREATE TABLE "AdoptionRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "state" TEXT NOT NULL DEFAULT 'SCANNING',
    "startedById" TEXT,
    "accountsTotal" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "scannedAt" DATETIME
);
CREATE INDEX "AdoptionRun_state_idx" ON "AdoptionRun"("state");

CREATE TABLE "AdoptionAccount" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "runId" TEXT NOT NULL,
    "accountSid" TEXT NOT NULL,
    "friendlyName" TEXT NOT NULL,
    "isIsv" BOOLEAN NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "claimedUntil" DATETIME,
    "error" TEXT,
    CONSTRAINT "AdoptionAccount_runId_fkey" FOREIGN KEY ("runId") REFERENCES "AdoptionRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "AdoptionAccount_runId_accountSid_key" ON "AdoptionAccount"("runId", "accountSid");
CREATE INDEX "AdoptionAccount_state_claimedUntil_idx" ON "AdoptionAccount"("state", "claimedUntil");

CREATE TABLE "AdoptionCandidate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "runId" TEXT NOT NULL,
    "accountSid" TEXT NOT NULL,
    "customerProfileSid" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ownsAccount" BOOLEAN NOT NULL,
    "resources" JSONB NOT NULL,
    "endUsersEncrypted" TEXT NOT NULL,
    "matchOrganizationId" TEXT,
    "matchBy" TEXT,
    CONSTRAINT "AdoptionCandidate_runId_fkey" FOREIGN KEY ("runId") REFERENCES "AdoptionRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "AdoptionCandidate_runId_customerProfileSid_key" ON "AdoptionCandidate"("runId", "customerProfileSid");
CREATE INDEX "AdoptionCandidate_runId_name_idx" ON "AdoptionCandidate"("runId", "name");
