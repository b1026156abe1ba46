-- The dashboard's name sort key (lib/dashboard/name-sort-key.ts), compared byte by byte: the "C"
-- collation, whatever the database's locale, so PostgreSQL sorts names as SQLite does.
ALTER TABLE "OnboardingApplication" ADD COLUMN "sortName" TEXT COLLATE "C" NOT NULL DEFAULT '';

-- Until each row's next refresh writes the exact key: lower case is the key for plain ASCII names.
UPDATE "OnboardingApplication" SET "sortName" = lower(trim("displayName"));

CREATE INDEX "OnboardingApplication_sortName_id_idx" ON "OnboardingApplication"("sortName", "id");

-- Search: each word is matched anywhere in the lower-case search text (LIKE '%word%'), which a
-- trigram index serves on PostgreSQL (pg_trgm is a trusted extension: the database owner may
-- create it). SQLite scans its summary table instead (fine for the embedded mode's size).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "OnboardingApplication_searchText_trgm_idx" ON "OnboardingApplication" USING GIN ("searchText" gin_trgm_ops);
