-- White label (#28 line 5): brand colour, logo, and the admins' wording of each kind of email.
ALTER TABLE "IsvSettings" ADD COLUMN "brandColor" TEXT;
ALTER TABLE "IsvSettings" ADD COLUMN "logoData" BLOB;
ALTER TABLE "IsvSettings" ADD COLUMN "logoType" TEXT;
ALTER TABLE "IsvSettings" ADD COLUMN "logoUpdatedAt" DATETIME;

CREATE TABLE "EmailText" (
    "kind" TEXT NOT NULL PRIMARY KEY,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL
);
