import "server-only";

import { randomUUID } from "node:crypto";
import { hostname } from "node:os";

import { continueAdoptionScans } from "../adoption/adoption-run";
import { continueAdoptions } from "../adoption/bring-in";
import { readOnlyAdoptionHandles } from "../adoption/handles";
import { runCustomerImports } from "../customer-import/run-import";
import { refreshUnsummarizedRows } from "../dashboard/refresh-dashboard-row";
import { db } from "../db";
import { jobState } from "../jobs/enqueue";
import type { JobQueue } from "../jobs/job-queue";
import { openJobQueue } from "../jobs/open-job-queue";
import { deliverMail, type Mail } from "../mail/send-mail";
import { runnableApplications } from "../provisioning/job";
import { portalProvisioningDeps } from "../provisioning/portal-deps";
import { claimApplication, runClaimedJob } from "../provisioning/worker";
import { sendDueReminders } from "../reminders/send-reminders";
import { sendStaffDigest } from "../reminders/staff-digest";
import { tuning } from "../tuning";
import { runPortalSync } from "../twilio-inbound/portal-sync";
import { deliverDueWebhooks } from "../webhooks/deliver";

/** How often every instance looks for webhook deliveries that are due (a retry's time, say). */
const WEBHOOK_SWEEP_SECONDS = 5;
/** How often reminders that are due are looked for (they are due hours apart: minutes late is fine). */
const REMINDER_SWEEP_SECONDS = 5 * 60;
/** How often every instance looks for rows of a started customer import that nobody works. */
const IMPORT_SWEEP_SECONDS = 5;

/**
 * The portal's jobs on whichever engine the database calls for (decision 0017): pg-boss on
 * PostgreSQL, the in-process queue on SQLite. Each server process starts it once (instrumentation);
 * scripts and tests that never start it send their mails at once and leave provisioning to
 * `drainJobs`, as before.
 */

export class ApplicationBusyError extends Error {
  constructor(applicationId: string) {
    super(`${applicationId} is held by another worker; run again later`);
    this.name = "ApplicationBusyError";
  }
}

/**
 * Starts the engine and its mail workers, and, unless PROVISIONING_WORKER=off (or Twilio is not
 * configured), this instance's provisioning and sync workers and their schedules.
 */
export function startPortalJobs(): Promise<JobQueue> {
  return (jobState.portalJobs ??= start().catch((error: unknown) => {
    jobState.portalJobs = undefined;
    throw error;
  }));
}

async function start(): Promise<JobQueue> {
  const queue = await openJobQueue(process.env.DATABASE_URL ?? "");
  const settings = tuning();
  const workers = settings.PROVISIONING_WORKER !== "off" && !!process.env.TWILIO_ACCOUNT_SID;
  if (workers) {
    const workerId = `worker-${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
    const deps = portalProvisioningDeps();
    await queue.work(
      "provision-application",
      async (data) => {
        const applicationId = String(data.applicationId);
        const claim = await claimApplication(applicationId, workerId);
        if (claim === "idle") return;
        if (claim === "busy") throw new ApplicationBusyError(applicationId);
        await runClaimedJob(applicationId, workerId, deps);
        await queueAgainIfWaiting(queue, applicationId);
      },
      settings.PROVISIONING_CONCURRENCY,
    );
    await queue.work("provisioning-sweep", async () => {
      for (const applicationId of await runnableApplications())
        await queue.send("provision-application", { applicationId }, { singletonKey: applicationId });
    });
    await queue.work("sync-statuses", async () => {
      const result = await runPortalSync();
      console.info(`[sync] checked ${result.checked}, changed ${result.changed}, failed ${result.failed}`);
    });
    // The sweep is the safety net: what a crash, a lost send or a backoff left behind runs again.
    queue.every("provisioning-sweep", settings.PROVISIONING_SWEEP_SECONDS);
    const syncEvery = settings.STATUS_SYNC_EVERY_SECONDS;
    if (syncEvery > 0) queue.every("sync-statuses", syncEvery);
  }
  // Mails need no Twilio: every instance sends them.
  await queue.work("send-mail", async (data) => void (await deliverMail(data as Mail)), 2);
  // The ISV's webhooks need no Twilio either: every instance sends what is due (claimed per delivery).
  await queue.work("deliver-webhooks", async () => void (await deliverDueWebhooks()));
  queue.every("deliver-webhooks", WEBHOOK_SWEEP_SECONDS);
  // Customer imports: every instance works the rows of a started import (claimed per row).
  await queue.work("import-customers", async () => void (await runCustomerImports()));
  queue.every("import-customers", IMPORT_SWEEP_SECONDS);
  // Reminders and the staff digest need no Twilio: whichever instance runs the schedule sends what is
  // due, each claimed in the database.
  await queue.work("send-reminders", async () => {
    await sendDueReminders();
    await sendStaffDigest();
  });
  queue.every("send-reminders", REMINDER_SWEEP_SECONDS);
  // Adoption scans read Twilio (read-only), then bring confirmed customers in (the database, and a
  // subaccount's token read): only where the ISV's Twilio account is configured.
  if (process.env.TWILIO_ACCOUNT_SID) {
    await queue.work("adoption-scan", async () => {
      const handles = readOnlyAdoptionHandles();
      await continueAdoptionScans(handles);
      await continueAdoptions(handles);
    });
    queue.every("adoption-scan", IMPORT_SWEEP_SECONDS);
  }
  // Applications written before the dashboard existed get their summary row (decision 0008): a
  // job, so that instances starting together do it once, not at once over the same rows.
  await queue.work("summarize-dashboard", async () => void (await refreshUnsummarizedRows(100_000)));
  await queue.send("summarize-dashboard", {}, { singletonKey: "summarize-dashboard" });
  console.info(`[jobs] ${queue.engine} started${workers ? " with workers" : " (sending only)"}`);
  return queue;
}

/** After a run: a job backed off (or moved to its next phase) is queued for when it is due. */
async function queueAgainIfWaiting(queue: JobQueue, applicationId: string) {
  const job = await db.provisioningJob.findUnique({ where: { applicationId } });
  if (job?.state !== "QUEUED") return;
  await queue.send(
    "provision-application",
    { applicationId },
    { singletonKey: applicationId, ...(job.runAfter > new Date() ? { startAfter: job.runAfter } : {}) },
  );
}
