import "server-only";

import { describeErrorForLog } from "@/lib/logging/redact";

import { sendMail, type Mail } from "../mail/send-mail";
import type { JobQueue } from "./job-queue";

/** The engine this process started (portal-jobs.ts), shared across Next.js's module graphs. */
export const jobState = globalThis as unknown as { portalJobs?: Promise<JobQueue> };

/** The started engine, or null in a process that did not start one (scripts, tests). */
async function runningQueue(): Promise<JobQueue | null> {
  return jobState.portalJobs ? jobState.portalJobs.catch(() => null) : null;
}

/**
 * Provisioning for an application whose job row was just queued. A failure here loses nothing: the
 * row is the record, and the sweep queues it within seconds.
 */
export async function enqueueProvisioning(applicationId: string): Promise<void> {
  const queue = await runningQueue();
  await queue
    ?.send("provision-application", { applicationId }, { singletonKey: applicationId })
    .catch((error: unknown) => console.error(`[jobs] queueing ${applicationId}: ${describeErrorForLog(error)}`));
}

/** The status sync, on whichever instance is free (the cron route). False without an engine. */
export async function enqueueStatusSync(): Promise<boolean> {
  const queue = await runningQueue();
  if (!queue) return false;
  await queue.send("sync-statuses", {}, { singletonKey: "sync-statuses" });
  return true;
}

/**
 * A notification mail: a job (retried with backoff if SMTP fails) in a server, sent at once where
 * no engine runs (scripts, tests).
 */
export async function enqueueMail(mail: Mail): Promise<void> {
  const queue = await runningQueue();
  if (!queue) {
    await sendMail(mail);
    return;
  }
  await queue.send("send-mail", { ...mail }).catch(async (error: unknown) => {
    console.error(`[jobs] queueing a mail failed, sending it now: ${describeErrorForLog(error)}`);
    await sendMail(mail);
  });
}

/**
 * The ISV's webhooks, soon after an event is recorded. Without an engine (scripts, tests) nothing is
 * sent from here: the deliveries wait in the database for a server's delivery job.
 */
export async function enqueueWebhookDelivery(): Promise<void> {
  const queue = await runningQueue();
  await queue
    ?.send("deliver-webhooks", {}, { singletonKey: "deliver-webhooks" })
    .catch((error: unknown) => console.error(`[jobs] queueing webhook delivery: ${describeErrorForLog(error)}`));
}

/** A started customer import's rows, worked soon; the schedule picks up whatever this misses. */
export async function enqueueCustomerImport(): Promise<void> {
  const queue = await runningQueue();
  await queue
    ?.send("import-customers", {}, { singletonKey: "import-customers" })
    .catch((error: unknown) => console.error(`[jobs] queueing a customer import: ${describeErrorForLog(error)}`));
}

/** A started adoption scan's accounts, read soon; the schedule picks up whatever this misses. */
export async function enqueueAdoptionScan(): Promise<void> {
  const queue = await runningQueue();
  await queue
    ?.send("adoption-scan", {}, { singletonKey: "adoption-scan" })
    .catch((error: unknown) => console.error(`[jobs] queueing an adoption scan: ${describeErrorForLog(error)}`));
}
