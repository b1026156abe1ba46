import "server-only";

import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import type PgBoss from "pg-boss";

import { describeErrorForLog } from "@/lib/logging/redact";

import { tuning } from "../tuning";
import { JOB_NAMES, jobPolicy } from "./job-policies";
import type { JobHandler, JobName, JobPolicy, JobQueue, SendOptions } from "./job-queue";

/**
 * The job engine on PostgreSQL: pg-boss 10 (decision 0017), in its own `pgboss` schema of the
 * portal's database. Every instance sends and works; pg-boss hands each job to one of them
 * (SELECT … FOR UPDATE SKIP LOCKED), retries failures with backoff up to the job's cap, and runs
 * again a job whose worker died once it expires. Queues use the "short" policy: one waiting job
 * per singleton key, so a second send for the same application while one waits is dropped.
 */
// Any constant shared by the instances: the key of the setup lock.
const SETUP_LOCK = 7_264_010_017;

export async function startPgBossQueue(
  connectionString: string,
  policyFor: (name: JobName) => JobPolicy = jobPolicy,
): Promise<JobQueue> {
  // Loaded at run time, only on PostgreSQL (never bundled; next.config lists it as external).
  const load = createRequire(`${process.cwd()}/`);
  const Boss = load("pg-boss") as typeof PgBoss;
  const boss = new Boss({
    connectionString,
    application_name: "portal-jobs",
    max: 5,
    // Expired runs are noticed within a minute (a crashed instance's jobs start again elsewhere).
    maintenanceIntervalSeconds: tuning().JOB_MAINTENANCE_SECONDS,
    // Completed jobs are kept a week for support questions ("was the mail sent?").
    deleteAfterDays: 7,
  });
  boss.on("error", (error) => console.error(`[jobs] pg-boss: ${describeErrorForLog(error)}`));
  // Instances starting together would deadlock creating the same queues (each a partition): one
  // at a time, under an advisory lock held on a connection of its own.
  const { Client } = load("pg") as typeof import("pg");
  const lock = new Client({ connectionString, application_name: "portal-jobs-setup" });
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [SETUP_LOCK]);
    await boss.start();
    for (const name of JOB_NAMES) {
      const policy = policyFor(name);
      const options = {
        name,
        policy: "short" as const,
        retryLimit: policy.retryLimit,
        retryDelay: policy.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: policy.expireInSeconds,
      };
      if (await boss.getQueue(name)) await boss.updateQueue(name, options);
      else await boss.createQueue(name, options);
    }
  } finally {
    await lock.end().catch(() => undefined);
  }

  const timers: NodeJS.Timeout[] = [];
  return {
    engine: "pg-boss",
    async send(name: JobName, data: Record<string, unknown>, options: SendOptions = {}) {
      // The "short" policy allows one waiting job per key, and a missing key counts as one key:
      // a job sent without one gets a key of its own, so it never stands in for another.
      await boss.send(name, data, {
        singletonKey: options.singletonKey ?? `job-${randomUUID()}`,
        ...(options.startAfter ? { startAfter: options.startAfter } : {}),
      });
    },
    async work(name: JobName, handler: JobHandler, concurrency = 1) {
      const pollingIntervalSeconds = tuning().JOB_POLL_SECONDS;
      for (let i = 0; i < concurrency; i++)
        await boss.work<Record<string, unknown>>(name, { batchSize: 1, pollingIntervalSeconds }, async ([job]) => {
          if (job) await handler(job.data ?? {});
        });
    },
    every(name: JobName, seconds: number) {
      // Each instance offers the job every interval; pg-boss keeps one per interval slot for all.
      const offer = () =>
        void boss
          .send(name, {}, { singletonKey: name, singletonSeconds: seconds })
          .catch((error: unknown) => console.error(`[jobs] scheduling ${name}: ${describeErrorForLog(error)}`));
      const timer = setInterval(offer, Math.max(1, seconds / 2) * 1000);
      timer.unref();
      timers.push(timer);
      offer();
    },
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
    },
  };
}
