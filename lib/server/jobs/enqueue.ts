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
 * A nudge for a job whose work waits in the database (each item with its own state and claim): run
 * it soon rather than at its next scheduled sweep. One waits at a time; without an engine (scripts,
 * tests) nothing happens here and the work waits for a server's schedule.
 */
async function nudge(name: "deliver-webhooks" | "import-customers" | "adoption-scan", what: string): Promise<void> {
  const queue = await runningQueue();
  await queue
    ?.send(name, {}, { singletonKey: name })
    .catch((error: unknown) => console.error(`[jobs] queueing ${what}: ${describeErrorForLog(error)}`));
}

/** The ISV's webhooks, soon after an event is recorded. */
export const enqueueWebhookDelivery = () => nudge("deliver-webhooks", "webhook delivery");

/** A started customer import's rows, worked soon. */
export const enqueueCustomerImport = () => nudge("import-customers", "a customer import");

/** A started adoption scan's accounts (or a confirmed one's customers), worked soon. */
export const enqueueAdoptionScan = () => nudge("adoption-scan", "an adoption scan");
