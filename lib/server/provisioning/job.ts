import "server-only";

import type { Prisma, ProvisioningJob } from "@prisma/client";

import { audit } from "../audit/audit";
import { db } from "../db";
import { tuning } from "../tuning";

/**
 * The one owner of the provisioning job's row (ProvisioningJob): every change of its state, phase,
 * lease and error is written here, so the rules below hold for every caller.
 *
 * A job runs in phases: "registration" (profile, trust product, brand, Messaging Service),
 * "campaign" (once staff approve the campaign), "voice" (SHAKEN/STIR, once numbers are chosen) and
 * "tollfree" (toll-free verifications, once staff approve one).
 * A phase asked for while another runs, or while the job waits on a failure, is kept in
 * `pendingPhases` and runs after it: never lost when the worker finishes, never clearing a
 * failure staff have not retried.
 */

export const PHASES = ["registration", "campaign", "voice", "tollfree"] as const;
export type ProvisioningPhase = (typeof PHASES)[number];

type Tx = Prisma.TransactionClient;
type JobRow = Pick<ProvisioningJob, "state" | "phase" | "pendingPhases">;

const phaseList = (text: string): ProvisioningPhase[] => PHASES.filter((phase) => text.split(",").includes(phase));
const phaseText = (phases: Iterable<ProvisioningPhase>): string => {
  const set = new Set(phases);
  return PHASES.filter((phase) => set.has(phase)).join(",");
};

/** What a fresh run of a phase starts from: queued now, no error, no backoff. */
const queuedNow = (phase: ProvisioningPhase) => ({
  phase,
  state: "QUEUED" as const,
  runAfter: new Date(),
  lastError: null,
  lastErrorCode: null,
  finishedAt: null,
  retryLaterCount: 0,
});

export type PhaseRequestOutcome =
  /** Queued to run now (or merged with the phase already queued). */
  | "queued"
  /** Another phase is running: this one runs right after it. */
  | "queued-next"
  /** The job stopped on a failure staff have not retried: this phase runs once they do. */
  | "after-failure";

/**
 * Asks for a phase of an application's job, inside the caller's transaction (staff approving an
 * application or a campaign, a customer choosing SHAKEN/STIR numbers, a bundle approval that lets
 * a brand resubmission go). What happens depends on where the job stands:
 * - no job, or an idle one (done, waiting, back with the customer): queued now;
 * - queued for another phase: both run, the earlier in PHASES first;
 * - running: kept as pending, queued by `finishRun` when this run ends (before, an approval that
 *   came during a run was overwritten by the run's DONE and silently lost);
 * - failed: an approval (`clearsFailure`) starts afresh, as before; anything else waits behind the
 *   failure, so that its error and staff's Retry button stay.
 * The write is a compare-and-set on what was read, tried again if another writer came between.
 */
export async function requestPhase(
  tx: Tx,
  applicationId: string,
  phase: ProvisioningPhase,
  { clearsFailure }: { clearsFailure: boolean },
): Promise<PhaseRequestOutcome> {
  for (;;) {
    const job = await tx.provisioningJob.findUnique({ where: { applicationId } });
    if (!job) {
      const created = await tx.provisioningJob
        .create({ data: { applicationId, ...queuedNow(phase) } })
        .then(() => true)
        .catch(() => false);
      if (created) return "queued";
      continue;
    }
    const { outcome, data } = phaseRequest(job, phase, clearsFailure);
    if (!data) return outcome;
    const written = await tx.provisioningJob.updateMany({
      where: { applicationId, state: job.state, phase: job.phase, pendingPhases: job.pendingPhases },
      data,
    });
    if (written.count === 1) return outcome;
  }
}

/** The rule of `requestPhase`, pure: what to write (nothing when the phase is already on its way). */
export function phaseRequest(
  job: JobRow,
  phase: ProvisioningPhase,
  clearsFailure: boolean,
): { outcome: PhaseRequestOutcome; data: Prisma.ProvisioningJobUpdateManyMutationInput | null } {
  const pending = phaseList(job.pendingPhases);
  const pendingWith = (extra: ProvisioningPhase) => phaseText([...pending, extra]);
  if (job.state === "RUNNING")
    return {
      outcome: "queued-next",
      data: pending.includes(phase) ? null : { pendingPhases: pendingWith(phase) },
    };
  if (job.state === "QUEUED") {
    if (job.phase === phase) return { outcome: "queued", data: null };
    const both = phaseList(phaseText([phase, job.phase as ProvisioningPhase]));
    return {
      outcome: "queued",
      data: { phase: both[0]!, pendingPhases: phaseText([...pending, ...both.slice(1)]) },
    };
  }
  if (job.state === "FAILED" && !clearsFailure)
    return {
      outcome: "after-failure",
      data: pending.includes(phase) ? null : { pendingPhases: pendingWith(phase) },
    };
  return { outcome: "queued", data: queuedNow(phase) };
}

/**
 * The phase to run after one that ended well: the earliest pending one, the queued phase a request
 * switched to while the run started (it read the job before), or voice for SHAKEN/STIR numbers
 * chosen but not assigned yet. Null: nothing more to do.
 */
export function nextPhase(job: JobRow, ran: string, unassignedNumbers: boolean): ProvisioningPhase | null {
  const candidates = new Set(phaseList(job.pendingPhases));
  if (job.phase !== ran && PHASES.includes(job.phase as ProvisioningPhase))
    candidates.add(job.phase as ProvisioningPhase);
  if (unassignedNumbers && ran !== "voice") candidates.add("voice");
  return phaseList(phaseText(candidates))[0] ?? null;
}

/**
 * How a provisioning job ends a run, written in one place. "Retry later" backs off (1, 2, 4 … 60
 * minutes) and is capped: after PROVISIONING_MAX_RETRIES_LATER runs in a row that Twilio answered only with
 * transient errors, the job stops as FAILED with the reason, for staff to retry from the
 * application page.
 */
/** How many "retry later" runs in a row before a job stops as FAILED (PROVISIONING_MAX_RETRIES_LATER). */
export const maxRetriesLater = (): number => tuning().PROVISIONING_MAX_RETRIES_LATER;
const LONGEST_DELAY_MS = 60 * 60_000;

export function retryLaterDelayMs(retriesSoFar: number): number {
  return Math.min(LONGEST_DELAY_MS, tuning().PROVISIONING_RETRY_LATER_MS * 2 ** retriesSoFar);
}

export async function markRunning(applicationId: string): Promise<void> {
  await db.provisioningJob.update({ where: { applicationId }, data: { state: "RUNNING", attempts: { increment: 1 } } });
}

/**
 * A run ended well: the job is DONE, or queued again for the next phase asked for meanwhile
 * (`nextPhase`). A compare-and-set on the pending phases, so a request that lands while this is
 * written is either seen here or sees the job DONE and queues itself. True when another phase runs.
 */
export async function finishRun(applicationId: string, organizationId: string, ran: string): Promise<boolean> {
  for (;;) {
    const job = await db.provisioningJob.findUniqueOrThrow({ where: { applicationId } });
    const unassigned = (await db.shakenStirNumber.count({ where: { applicationId, assignedAt: null } })) > 0;
    const next = nextPhase(job, ran, unassigned);
    const guard = { applicationId, phase: job.phase, pendingPhases: job.pendingPhases };
    if (next) {
      const written = await db.provisioningJob.updateMany({
        where: guard,
        data: {
          ...queuedNow(next),
          currentStep: null,
          pendingPhases: phaseText(phaseList(job.pendingPhases).filter((phase) => phase !== next)),
        },
      });
      if (written.count === 1) return true;
      continue;
    }
    const written = await db.provisioningJob.updateMany({
      where: guard,
      data: {
        state: "DONE",
        finishedAt: new Date(),
        currentStep: null,
        lastError: null,
        lastErrorCode: null,
        retryLaterCount: 0,
      },
    });
    if (written.count !== 1) continue;
    await audit(db, {
      action: "provisioning.done",
      targetType: "OnboardingApplication",
      targetId: applicationId,
      organizationId,
    });
    return false;
  }
}

export async function markFailed(
  applicationId: string,
  step: string,
  code: number | null,
  message: string,
): Promise<void> {
  const job = await db.provisioningJob.update({
    where: { applicationId },
    data: { state: "FAILED", lastError: `${step}: ${message}`.slice(0, 2000), lastErrorCode: code, retryLaterCount: 0 },
  });
  const application = await db.onboardingApplication.findUniqueOrThrow({ where: { id: job.applicationId } });
  await audit(db, {
    action: "provisioning.failed",
    targetType: "OnboardingApplication",
    targetId: applicationId,
    organizationId: application.organizationId,
    metadata: { step, code },
  });
}

/** A transient failure outlasted the in-run retries: run again later, or stop once the cap is reached. */
export async function scheduleRetryLater(
  applicationId: string,
  step: string,
  code: number | null,
  message: string,
): Promise<{ gaveUp: boolean; runAfter: Date | null }> {
  const job = await db.provisioningJob.findUniqueOrThrow({ where: { applicationId } });
  const cap = maxRetriesLater();
  if (job.retryLaterCount + 1 >= cap) {
    await markFailed(
      applicationId,
      step,
      code,
      `Twilio kept failing after ${cap} attempts over several hours (${message}). Retry when Twilio is back.`,
    );
    return { gaveUp: true, runAfter: null };
  }
  const runAfter = new Date(Date.now() + retryLaterDelayMs(job.retryLaterCount));
  await db.provisioningJob.update({
    where: { applicationId },
    data: {
      state: "QUEUED",
      runAfter,
      retryLaterCount: { increment: 1 },
      lastError: `${step}: ${message}`.slice(0, 2000),
      lastErrorCode: code,
    },
  });
  return { gaveUp: false, runAfter };
}

/** The step a run is at, for the progress panels (best effort: a lost write only delays the display). */
export async function recordCurrentStep(applicationId: string, step: string): Promise<void> {
  await db.provisioningJob.update({ where: { applicationId }, data: { currentStep: step } }).catch(() => undefined);
}

/** Twilio sent the application back (an evaluation, a rejection, a failed brand): the job waits for the customer. */
export async function waitForCustomer(
  tx: Tx,
  applicationId: string,
  lastError: string,
  lastErrorCode: number | null,
): Promise<void> {
  await tx.provisioningJob.updateMany({
    where: { applicationId },
    data: { state: "NEEDS_CUSTOMER", retryLaterCount: 0, lastError: lastError.slice(0, 2000), lastErrorCode },
  });
}

/** Staff retry a FAILED job: one of two simultaneous clicks gets through. True when this one did. */
export async function retryFailedJob(applicationId: string): Promise<boolean> {
  const retried = await db.provisioningJob.updateMany({
    where: { applicationId, state: "FAILED" },
    data: { state: "QUEUED", runAfter: new Date(), retryLaterCount: 0, finishedAt: null },
  });
  return retried.count === 1;
}

// How long a claim holds without renewal (PROVISIONING_LEASE_MS); a crashed worker's job is picked up after it.
const leaseMs = (): number => tuning().PROVISIONING_LEASE_MS;
export const leaseRenewEveryMs = (): number => leaseMs() / 3;

// What may run now (queued, or running under a worker that may have died) and what no live lease holds.
const runnableAt = (now: Date) => ({
  state: { in: ["QUEUED", "RUNNING"] as ("QUEUED" | "RUNNING")[] },
  runAfter: { lte: now },
});
const unheldAt = (now: Date) => ({ OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] });

/**
 * Takes the lease on a runnable job (queued, or running under a dead worker's expired lease) for
 * this worker: "busy" while another worker's lease holds it, "idle" when nothing is to run now.
 * A conditional update, so two workers never run the same application.
 */
export async function claimLease(
  applicationId: string,
  workerId: string,
  now = new Date(),
): Promise<"claimed" | "busy" | "idle"> {
  const runnable = { applicationId, ...runnableAt(now) };
  const claimed = await db.provisioningJob.updateMany({
    where: { ...runnable, ...unheldAt(now) },
    data: { lockedBy: workerId, lockedUntil: new Date(now.getTime() + leaseMs()) },
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
 * Extends this worker's lease if it still has it, in one conditional update: true when it does.
 * The database decides, so it holds across instances (and a paused process notices).
 */
export async function extendLease(applicationId: string, workerId: string): Promise<boolean> {
  const now = new Date();
  const held = await db.provisioningJob.updateMany({
    where: { applicationId, lockedBy: workerId, lockedUntil: { gt: now } },
    data: { lockedUntil: new Date(now.getTime() + leaseMs()) },
  });
  return held.count === 1;
}

/** Lets go of this worker's lease (a lease another worker took over is left alone). */
export async function releaseLease(applicationId: string, workerId: string): Promise<void> {
  await db.provisioningJob.updateMany({
    where: { applicationId, lockedBy: workerId },
    data: { lockedBy: null, lockedUntil: null },
  });
}
