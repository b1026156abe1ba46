import "server-only";

import { createEmbeddedQueue } from "./embedded-queue";
import { jobPolicy } from "./job-policies";
import type { JobName, JobPolicy, JobQueue } from "./job-queue";
import { startPgBossQueue } from "./pg-boss-queue";

/** The engine DATABASE_URL calls for: pg-boss on PostgreSQL, the in-process queue on SQLite. */
export function openJobQueue(
  databaseUrl: string,
  policyFor: (name: JobName) => JobPolicy = jobPolicy,
): Promise<JobQueue> {
  return /^postgres(ql)?:\/\//.test(databaseUrl)
    ? startPgBossQueue(databaseUrl, policyFor)
    : Promise.resolve(createEmbeddedQueue(policyFor));
}
