-- AlterTable
ALTER TABLE "Organization" ADD COLUMN "twilioAuthTokenEncrypted" TEXT;

