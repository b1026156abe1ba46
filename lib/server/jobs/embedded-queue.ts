import "server-only";

import { describeErrorForLog } from "@/lib/logging/redact";

import { jobPolicy } from "./job-policies";
import type { JobHandler, JobName, JobPolicy, JobQueue, SendOptions } from "./job-queue";

type Pending = { name: JobName; data: Record<string, unknown>; key?: string; attempt: number };

/**
 * The job engine of the embedded SQLite mode: one instance, jobs in this process. Same interface,
 * same retry policy as pg-boss; what it does not have is durability, and it does not need it for
 * provisioning: the ProvisioningJob row is the durable record, and the sweep (every few seconds)
 * queues again whatever a restart left behind. A mail waiting for its retry is lost on a restart.
 */
export function createEmbeddedQueue(policyFor: (name: JobName) => JobPolicy = jobPolicy): JobQueue {
  const handlers = new Map<JobName, { handler: JobHandler; concurrency: number; running: number }>();
  const queued: Pending[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timer.unref();
    timers.add(timer);
  };

  const pump = () => {
    if (stopped) return;
    for (let i = 0; i < queued.length; i++) {
      const job = queued[i]!;
      const worker = handlers.get(job.name);
      if (!worker || worker.running >= worker.concurrency) continue;
      queued.splice(i--, 1);
      worker.running++;
      void worker
        .handler(job.data)
        .catch((error: unknown) => {
          const policy = policyFor(job.name);
          if (job.attempt >= policy.retryLimit) {
            console.error(`[jobs] ${job.name} failed after ${job.attempt + 1} runs: ${describeErrorForLog(error)}`);
            return;
          }
          const delay = policy.retryDelaySeconds * 1000 * 2 ** job.attempt;
          later(delay, () => enqueue({ ...job, attempt: job.attempt + 1 }));
        })
        .finally(() => {
          worker.running--;
          pump();
        });
    }
  };

  const enqueue = (job: Pending) => {
    // One waiting job per key, as pg-boss's "short" policy.
    if (job.key && queued.some((other) => other.name === job.name && other.key === job.key)) return;
    queued.push(job);
    pump();
  };

  return {
    engine: "embedded",
    async send(name: JobName, data: Record<string, unknown>, options: SendOptions = {}) {
      const job: Pending = { name, data, attempt: 0, ...(options.singletonKey ? { key: options.singletonKey } : {}) };
      const wait = options.startAfter ? options.startAfter.getTime() - Date.now() : 0;
      if (wait > 0) later(wait, () => enqueue(job));
      else enqueue(job);
    },
    async work(name: JobName, handler: JobHandler, concurrency = 1) {
      handlers.set(name, { handler, concurrency, running: 0 });
      pump();
    },
    every(name: JobName, seconds: number) {
      const offer = () => {
        if (stopped) return;
        enqueue({ name, data: {}, key: name, attempt: 0 });
        later(seconds * 1000, offer);
      };
      offer();
    },
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
