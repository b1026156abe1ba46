import { isTransient } from "./errors";

export type RetryPolicy = { attempts: number; baseMs: number; maxMs: number };
export const DEFAULT_RETRY: RetryPolicy = { attempts: 8, baseMs: 500, maxMs: 20_000 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a Twilio call, retrying transient failures with exponential backoff and jitter. `beforeRetry`
 * runs before every new attempt: a create uses it to look for what a lost answer may have created.
 */
export async function withRetry<T>(
  call: () => Promise<T>,
  policy: RetryPolicy,
  beforeRetry?: () => Promise<T | null>,
): Promise<T> {
  let attempt = 0;
  for (;;) {
    try {
      if (attempt > 0 && beforeRetry) {
        const found = await beforeRetry();
        if (found !== null) return found;
      }
      return await call();
    } catch (error) {
      attempt += 1;
      if (!isTransient(error) || attempt >= policy.attempts) throw error;
      const delay = Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
      await sleep(delay / 2 + Math.random() * (delay / 2));
    }
  }
}
