import "server-only";
import { db } from "../db";
import { audit } from "../audit/audit";

/**
 * How a provisioning job ends a run, written in one place. "Retry later" backs off (1, 2, 4 … 60
 * minutes) and is capped: after MAX_RETRIES_LATER runs in a row that Twilio answered only with
 * transient errors, the job stops as FAILED with the reason, for staff to retry from the
 * application page.
 */
export const MAX_RETRIES_LATER = Number(process.env.PROVISIONING_MAX_RETRIES_LATER ?? 8);
const FIRST_DELAY_MS = Number(process.env.PROVISIONING_RETRY_LATER_MS ?? 60_000);
const LONGEST_DELAY_MS = 60 * 60_000;

export function retryLaterDelayMs(retriesSoFar: number): number {
  return Math.min(LONGEST_DELAY_MS, FIRST_DELAY_MS * 2 ** retriesSoFar);
}

export async function markRunning(applicationId: string): Promise<void> {
  await db.provisioningJob.update({ where: { applicationId }, data: { state: "RUNNING", attempts: { increment: 1 } } });
}

export async function markDone(applicationId: string, organizationId: string): Promise<void> {
  await db.provisioningJob.update({
    where: { applicationId },
    data: {
      state: "DONE",
      finishedAt: new Date(),
      currentStep: null,
      lastError: null,
      lastErrorCode: null,
      retryLaterCount: 0,
    },
  });
  await audit(db, {
    action: "provisioning.done",
    targetType: "OnboardingApplication",
    targetId: applicationId,
    organizationId,
  });
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
  if (job.retryLaterCount + 1 >= MAX_RETRIES_LATER) {
    await markFailed(
      applicationId,
      step,
      code,
      `Twilio kept failing after ${MAX_RETRIES_LATER} attempts over several hours (${message}). Retry when Twilio is back.`,
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
