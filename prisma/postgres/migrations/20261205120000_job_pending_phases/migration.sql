-- Phases asked for while a provisioning job runs: queued after it instead of lost (#24 line 3).
ALTER TABLE "ProvisioningJob" ADD COLUMN "pendingPhases" TEXT NOT NULL DEFAULT '';
