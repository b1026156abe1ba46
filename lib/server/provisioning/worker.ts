import "server-only";

import { randomUUID } from "node:crypto";

import { LeaseLostError } from "./errors";
import { claimLease, extendLease, leaseRenewEveryMs, releaseLease, runnableApplications } from "./job";
import { runProvisioning, type ProvisioningDeps, type ProvisioningOutcome } from "./run-provisioning";

/**
 * Claims one runnable job: queued, or running with an expired lease (its worker died). The claim is
 * a conditional update (job.ts), so two workers never run the same application.
 */
export async function claimJob(workerId: string, now = new Date()): Promise<string | null> {
  for (const applicationId of await runnableApplications(now, 5)) {
    if ((await claimLease(applicationId, workerId, now)) === "claimed") return applicationId;
  }
  return null;
}

/**
 * Claims one application's job for this worker (the job engine's "provision-application"): "busy"
 * while another worker's lease holds it (the engine runs it again later), "idle" when nothing is
 * to run now (done, failed, waiting for the customer, or backed off until later: the sweep queues
 * it again when its time comes).
 */
export const claimApplication = claimLease;

/**
 * Runs a claimed job, renewing its lease while it runs, and releases it at the end. A renewal that
 * fails is noticed: from then on the job is fenced, so this worker sends nothing more to Twilio
 * (every create and billable call re-checks the hold first) and writes nothing to the job.
 */
export async function runClaimedJob(
  applicationId: string,
  workerId: string,
  deps: ProvisioningDeps,
): Promise<ProvisioningOutcome> {
  let lost = false;
  const renew = setInterval(() => {
    void extendLease(applicationId, workerId)
      .then((held) => {
        if (!held) lost = true;
      })
      .catch(() => undefined);
  }, leaseRenewEveryMs());
  const fence = async () => {
    if (lost || !(await extendLease(applicationId, workerId))) {
      lost = true;
      throw new LeaseLostError();
    }
  };
  try {
    const outcome = await runProvisioning(applicationId, { ...deps, fence });
    if (outcome.state === "LEASE_LOST")
      console.warn(`[provisioning] ${applicationId}: lease lost to another worker; stopped without sending more`);
    return outcome;
  } finally {
    clearInterval(renew);
    await releaseLease(applicationId, workerId);
  }
}

/** Runs every runnable job now, one after another, in this process (tests and scripts); returns what it ran. */
export async function drainJobs(
  deps: ProvisioningDeps,
  workerId = `worker-${randomUUID()}`,
): Promise<{ applicationId: string; outcome: ProvisioningOutcome }[]> {
  const ran: { applicationId: string; outcome: ProvisioningOutcome }[] = [];
  for (let applicationId = await claimJob(workerId); applicationId; applicationId = await claimJob(workerId)) {
    ran.push({ applicationId, outcome: await runClaimedJob(applicationId, workerId, deps) });
  }
  return ran;
}
