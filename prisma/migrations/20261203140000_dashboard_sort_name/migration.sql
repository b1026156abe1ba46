-- The dashboard's name sort key (lib/dashboard/name-sort-key.ts), compared byte by byte (BINARY).
ALTER TABLE "OnboardingApplication" ADD COLUMN "sortName" TEXT NOT NULL DEFAULT '';

-- Until each row's next refresh writes the exact key: lower case is the key for plain ASCII names.
UPDATE "OnboardingApplication" SET "sortName" = lower(trim("displayName"));

CREATE INDEX "OnboardingApplication_sortName_id_idx" ON "OnboardingApplication"("sortName", "id");
