-- Each customer's numbers are its own (#26 line 1): who each number belongs to, one organization per
-- subaccount, and whether customers may buy numbers. The unique index also serves the webhooks'
-- look-up of a subaccount's token by its SID (#26 line 2).
CREATE UNIQUE INDEX "Organization_twilioAccountSid_key" ON "Organization"("twilioAccountSid");

ALTER TABLE "IsvSettings" ADD COLUMN "customersBuyNumbers" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "PhoneNumber" (
    "phoneNumberSid" TEXT NOT NULL,
    "accountSid" TEXT NOT NULL,
    "phoneNumber" TEXT NOT NULL,
    "organizationId" TEXT,
    "origin" TEXT NOT NULL,
    "monthlyPrice" TEXT,
    "assignedById" TEXT,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PhoneNumber_pkey" PRIMARY KEY ("phoneNumberSid")
);
CREATE INDEX "PhoneNumber_organizationId_idx" ON "PhoneNumber"("organizationId");
CREATE INDEX "PhoneNumber_accountSid_idx" ON "PhoneNumber"("accountSid");
ALTER TABLE "PhoneNumber" ADD CONSTRAINT "PhoneNumber_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;
