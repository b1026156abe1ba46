import { afterEach, describe, expect, it } from "vitest";

import type { JobName, JobPolicy, JobQueue } from "@/lib/server/jobs/job-queue";
import { openJobQueue } from "@/lib/server/jobs/open-job-queue";

/**
 * #14 line 2: the job engine the database calls for (pg-boss on PostgreSQL, the in-process queue on
 * SQLite) behind one interface: each job runs once, retries back off up to the cap, a waiting
 * singleton is not queued twice, and `every` runs once per interval. On PostgreSQL, two engines on
 * one database stand for two instances and share the work without running anything twice.
 */
const postgres = /^postgres/.test(process.env.DATABASE_URL!);
const quick: JobPolicy = { retryLimit: 2, retryDelaySeconds: 1, expireInSeconds: 60 };
const open: JobQueue[] = [];
const start = async () => {
  const queue = await openJobQueue(process.env.DATABASE_URL!, () => quick);
  open.push(queue);
  return queue;
};
const instances = () => Promise.all((postgres ? [1, 2] : [1]).map(() => start()));
afterEach(async () => {
  await Promise.all(open.splice(0).map((queue) => queue.stop()));
});
const until = async (done: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
const JOB: JobName = "provision-application";

describe(`job engine (${postgres ? "pg-boss" : "embedded"})`, () => {
  it("runs every job exactly once across the instances", async () => {
    const queues = await instances();
    expect(queues[0]!.engine).toBe(postgres ? "pg-boss" : "embedded");
    const runs = new Map<string, string[]>();
    await Promise.all(
      queues.map((queue, index) =>
        queue.work(
          JOB,
          async (data) => {
            const id = String(data.applicationId);
            runs.set(id, [...(runs.get(id) ?? []), `instance-${index}`]);
            await new Promise((resolve) => setTimeout(resolve, 20));
          },
          3,
        ),
      ),
    );
    for (let i = 0; i < 30; i++) await queues[i % queues.length]!.send(JOB, { applicationId: `app-${i}` });
    await until(() => runs.size === 30);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect([...runs.values()].every((by) => by.length === 1)).toBe(true);
    if (postgres) expect(new Set([...runs.values()].flat()).size).toBe(2);
  });

  it("retries a failing job with backoff, and stops at the cap", async () => {
    const [queue] = await instances();
    const attempts: number[] = [];
    await queue!.work(JOB, async () => {
      attempts.push(Date.now());
      throw new Error("Twilio is down");
    });
    await queue!.send(JOB, { applicationId: "always-fails" });
    await until(() => attempts.length === quick.retryLimit + 1);
    // Backed off: at least the first delay between runs, doubling.
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(900);
    expect(attempts[2]! - attempts[1]!).toBeGreaterThanOrEqual(1800);
    await new Promise((resolve) => setTimeout(resolve, 5000));
    expect(attempts).toHaveLength(quick.retryLimit + 1);
  });

  it("keeps one waiting job per singleton key", async () => {
    const [queue] = await instances();
    for (let i = 0; i < 5; i++) await queue!.send(JOB, { applicationId: "same" }, { singletonKey: "same" });
    await queue!.send(JOB, { applicationId: "other" }, { singletonKey: "other" });
    const ran: string[] = [];
    await queue!.work(JOB, async (data) => void ran.push(String(data.applicationId)));
    await until(() => ran.length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(ran.sort()).toEqual(["other", "same"]);
  });

  it("runs a scheduled job once per interval, whichever instances offer it", async () => {
    const queues = await instances();
    const ran: number[] = [];
    await Promise.all(queues.map((queue) => queue.work("provisioning-sweep", async () => void ran.push(Date.now()))));
    for (const queue of queues) queue.every("provisioning-sweep", 2);
    await new Promise((resolve) => setTimeout(resolve, 5000));
    // Two or three 2-second slots in 5 seconds, once each, however many instances offered them.
    expect(ran.length).toBeGreaterThanOrEqual(2);
    expect(ran.length).toBeLessThanOrEqual(4);
  });
});
