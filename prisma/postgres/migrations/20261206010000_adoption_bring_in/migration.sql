-- Bringing adopted customers in (#28 line 1). Scans before this version kept less of each customer
-- (no items, no address): they are dropped, and a new scan reads what Twilio holds again.
DELETE FROM "AdoptionCandidate";
DELETE FROM "AdoptionAccount";
DELETE FROM "AdoptionRun";
ALTER TABLE "AdoptionRun" ADD COLUMN "confirmedById" TEXT;
ALTER TABLE "AdoptionRun" ADD COLUMN "confirmedAt" TIMESTAMP(3);
ALTER TABLE "AdoptionCandidate" RENAME COLUMN "endUsersEncrypted" TO "personalEncrypted";
ALTER TABLE "AdoptionCandidate" ADD COLUMN "state" TEXT NOT NULL DEFAULT 'PROPOSED';
ALTER TABLE "AdoptionCandidate" ADD COLUMN "decision" TEXT;
ALTER TABLE "AdoptionCandidate" ADD COLUMN "organizationId" TEXT;
ALTER TABLE "AdoptionCandidate" ADD COLUMN "error" TEXT;
CREATE INDEX "AdoptionCandidate_state_idx" ON "AdoptionCandidate"("state");
