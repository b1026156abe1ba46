-- Each sender number's A2P registration, from Twilio's number-registration events (#25 line 8).
ALTER TABLE "SenderNumber" ADD COLUMN "a2pStatus" TEXT;
ALTER TABLE "SenderNumber" ADD COLUMN "a2pFailureReason" TEXT;
ALTER TABLE "SenderNumber" ADD COLUMN "a2pUpdatedAt" DATETIME;
