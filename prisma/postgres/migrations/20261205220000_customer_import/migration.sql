-- CSV import of customers (#28 line 2): the invitee's name, imports and their rows.
ALTER TABLE "Invitation" ADD COLUMN "name" TEXT;

CREATE TABLE "CustomerImport" (
    "id" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'CHECKED',
    "rowCount" INTEGER NOT NULL,
    "createdById" TEXT,
    "apiKeyPrefix" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "CustomerImport_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "CustomerImport_createdAt_idx" ON "CustomerImport"("createdAt");

CREATE TABLE "CustomerImportRow" (
    "id" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "externalId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'PENDING',
    "payloadEncrypted" TEXT,
    "organizationId" TEXT,
    "message" TEXT,
    "claimedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CustomerImportRow_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "CustomerImportRow_importId_line_key" ON "CustomerImportRow"("importId", "line");
CREATE INDEX "CustomerImportRow_state_claimedUntil_idx" ON "CustomerImportRow"("state", "claimedUntil");
CREATE INDEX "CustomerImportRow_importId_state_idx" ON "CustomerImportRow"("importId", "state");

ALTER TABLE "CustomerImportRow" ADD CONSTRAINT "CustomerImportRow_importId_fkey" FOREIGN KEY ("importId") REFERENCES "CustomerImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "CustomerImport" ADD CONSTRAINT "CustomerImport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
