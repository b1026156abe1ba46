-- Each rewrite of the dashboard's summary names the one it read: a stale rewrite no longer lands last.
ALTER TABLE "OnboardingApplication" ADD COLUMN "summaryVersion" INTEGER NOT NULL DEFAULT 0;
