import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db";
import { runProvisioning, type ProvisioningDeps, type ProvisioningOutcome } from "./run-provisioning";
import { LeaseLostError } from "./errors";

// How long a claim holds without renewal; a crashed worker's job is picked up after it.
const LEASE_MS = Number(process.env.PROVISIONING_LEASE_MS ?? 30_000);

// What may run now (queued, or running under a worker that may have died) and what no live lease holds.
const runnableAt = (now: Date) => ({
  state: { in: ["QUEUED", "RUNNING"] as ("QUEUED" | "RUNNING")[] },
  runAfter: { lte: now },
});
const unheldAt = (now: Date) => ({ OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] });

/**
 * Claims one runnable job: queued, or running with an expired lease (its worker died). The claim is
 * a conditional update, so two workers never run the same application.
 */
export async function claimJob(workerId: string, now = new Date()): Promise<string | null> {
  for (const applicationId of await runnableApplications(now, 5)) {
    const claimed = await db.provisioningJob.updateMany({
      where: { applicationId, ...unheldAt(now) },
      data: { lockedBy: workerId, lockedUntil: new Date(now.getTime() + LEASE_MS) },
    });
    if (claimed.count === 1) return applicationId;
  }
  return null;
}

/**
 * Claims one application's job for this worker (the job engine's "provision-application"): "busy"
 * while another worker's lease holds it (the engine runs it again later), "idle" when nothing is
 * to run now (done, failed, waiting for the customer, or backed off until later: the sweep queues
 * it again when its time comes).
 */
export async function claimApplication(
  applicationId: string,
  workerId: string,
  now = new Date(),
): Promise<"claimed" | "busy" | "idle"> {
  const runnable = { applicationId, ...runnableAt(now) };
  const claimed = await db.provisioningJob.updateMany({
    where: { ...runnable, ...unheldAt(now) },
    data: { lockedBy: workerId, lockedUntil: new Date(now.getTime() + LEASE_MS) },
  });
  if (claimed.count === 1) return "claimed";
  return (await db.provisioningJob.count({ where: runnable })) ? "busy" : "idle";
}

/** What can run now and no worker holds: queued, backed off until now, or left by a dead worker. */
export async function runnableApplications(now = new Date(), take = 500): Promise<string[]> {
  const jobs = await db.provisioningJob.findMany({
    where: { ...runnableAt(now), ...unheldAt(now) },
    orderBy: { runAfter: "asc" },
    select: { applicationId: true },
    take,
  });
  return jobs.map((job) => job.applicationId);
}

/**
 * Extends this worker's hold on the job if it still has it, in one conditional update: true when
 * it does. The database decides, so it holds across instances (and a paused process notices).
 */
async function holdJob(applicationId: string, workerId: string): Promise<boolean> {
  const now = new Date();
  const held = await db.provisioningJob.updateMany({
    where: { applicationId, lockedBy: workerId, lockedUntil: { gt: now } },
    data: { lockedUntil: new Date(now.getTime() + LEASE_MS) },
  });
  return held.count === 1;
}

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
    void holdJob(applicationId, workerId)
      .then((held) => {
        if (!held) lost = true;
      })
      .catch(() => undefined);
  }, LEASE_MS / 3);
  const fence = async () => {
    if (lost || !(await holdJob(applicationId, workerId))) {
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
    await db.provisioningJob.updateMany({
      where: { applicationId, lockedBy: workerId },
      data: { lockedBy: null, lockedUntil: null },
    });
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
