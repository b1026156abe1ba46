-- CSV import of customers (#28 line 2): the invitee's name, imports and their rows.
ALTER TABLE "Invitation" ADD COLUMN "name" TEXT;

CREATE TABLE "CustomerImport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fileName" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'CHECKED',
    "rowCount" INTEGER NOT NULL,
    "createdById" TEXT,
    "apiKeyPrefix" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    CONSTRAINT "CustomerImport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "CustomerImport_createdAt_idx" ON "CustomerImport"("createdAt");

CREATE TABLE "CustomerImportRow" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "importId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "externalId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "payloadEncrypted" TEXT,
    "organizationId" TEXT,
    "message" TEXT,
    "claimedUntil" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CustomerImportRow_importId_fkey" FOREIGN KEY ("importId") REFERENCES "CustomerImport" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "CustomerImportRow_importId_line_key" ON "CustomerImportRow"("importId", "line");
CREATE INDEX "CustomerImportRow_state_claimedUntil_idx" ON "CustomerImportRow"("state", "claimedUntil");
CREATE INDEX "CustomerImportRow_importId_state_idx" ON "CustomerImportRow"("importId", "state");
