-- Reminders for unfinished drafts and unanswered changes (#29 line 3).
ALTER TABLE "Organization" ADD COLUMN "remindersOff" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "OnboardingApplication" ADD COLUMN "remindersSent" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "OnboardingApplication" ADD COLUMN "lastReminderAt" DATETIME;

CREATE TABLE "Reminder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "applicationId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "since" DATETIME NOT NULL,
    "number" INTEGER NOT NULL,
    "sentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE UNIQUE INDEX "Reminder_applicationId_kind_since_number_key" ON "Reminder"("applicationId", "kind", "since", "number");
CREATE INDEX "Reminder_applicationId_sentAt_idx" ON "Reminder"("applicationId", "sentAt");
