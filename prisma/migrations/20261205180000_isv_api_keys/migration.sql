-- The ISV API (#28): the ISV's own id for a customer, and the keys its product calls /api/v1 with.
ALTER TABLE "Organization" ADD COLUMN "externalId" TEXT;
CREATE UNIQUE INDEX "Organization_externalId_key" ON "Organization"("externalId");

CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secretHash" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME
);
CREATE UNIQUE INDEX "ApiKey_prefix_key" ON "ApiKey"("prefix");
