-- White label (#28 line 5): brand colour, logo, and the admins' wording of each kind of email.
ALTER TABLE "IsvSettings" ADD COLUMN "brandColor" TEXT;
ALTER TABLE "IsvSettings" ADD COLUMN "logoData" BYTEA;
ALTER TABLE "IsvSettings" ADD COLUMN "logoType" TEXT;
ALTER TABLE "IsvSettings" ADD COLUMN "logoUpdatedAt" TIMESTAMP(3);

CREATE TABLE "EmailText" (
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmailText_pkey" PRIMARY KEY ("kind")
);
