import { availableParallelism } from "node:os";

/**
 * How many password sign-ins this process checks at once, and how many wait their turn. Each check
 * is scrypt in libuv's thread pool (lib/server/auth/password.ts: about 0.35 s of a core and 32 MiB
 * here). Before #27 it was bcryptjs on the one main thread, and a flood of sign-ins queued seconds of
 * hashing in front of every other request (#26 line 9). Off the main thread it still competes for
 * the cores and for the pool's four threads, which also serve Web Crypto (sessions), compression
 * and file reads: with four hashes at once on this two-core machine, the health route's p95 was
 * 640 ms, with two 140 ms, with one 71 ms (`npm run bench`, 20 sign-ins at once). So the process
 * hashes on one core fewer than it has (at least one, at most three: one pool thread stays free),
 * and the others wait in line, first come first served, up to ten seconds.
 *
 * One address gets one check at a time (running or waiting), so a flood from it cannot fill the line
 * everybody else signs in through; past that, or a full line, a sign-in is answered at once, before
 * any database work, asking the person to try again in a moment. A guard of this process's cores and
 * memory, not a limit that must hold across instances: the rate limits in the database do that.
 */
export const PASSWORD_CHECKS_AT_ONCE = Math.max(1, Math.min(3, availableParallelism() - 1));
export const PASSWORD_CHECKS_AT_ONCE_PER_ADDRESS = 1;
export const PASSWORD_CHECKS_WAITING = 32;
export const PASSWORD_CHECK_MAX_WAIT_MS = 10_000;

type Waiting = { address: string; resolve: (release: (() => void) | null) => void; timer: NodeJS.Timeout };

let running = 0;
const waiting: Waiting[] = [];
const byAddress = new Map<string, number>();

function leave(address: string) {
  const left = (byAddress.get(address) ?? 1) - 1;
  if (left > 0) byAddress.set(address, left);
  else byAddress.delete(address);
}

function slot(address: string): () => void {
  running++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    running--;
    leave(address);
    const next = waiting.shift();
    if (next) {
      clearTimeout(next.timer);
      next.resolve(slot(next.address));
    }
  };
}

/**
 * A slot to check one password in, and the function that gives it back: at once when one is free,
 * after a wait in line otherwise; null when this address already has a check running or waiting,
 * the line is full, or the wait passed `maxWaitMs`.
 */
export function takePasswordSlot(
  address: string,
  maxWaitMs = PASSWORD_CHECK_MAX_WAIT_MS,
): Promise<(() => void) | null> {
  if ((byAddress.get(address) ?? 0) >= PASSWORD_CHECKS_AT_ONCE_PER_ADDRESS) return Promise.resolve(null);
  if (running < PASSWORD_CHECKS_AT_ONCE) {
    byAddress.set(address, (byAddress.get(address) ?? 0) + 1);
    return Promise.resolve(slot(address));
  }
  if (waiting.length >= PASSWORD_CHECKS_WAITING) return Promise.resolve(null);
  byAddress.set(address, (byAddress.get(address) ?? 0) + 1);
  return new Promise((resolve) => {
    const entry: Waiting = {
      address,
      resolve,
      timer: setTimeout(() => {
        waiting.splice(waiting.indexOf(entry), 1);
        leave(address);
        resolve(null);
      }, maxWaitMs),
    };
    waiting.push(entry);
  });
}

/** Whether a check from `address` would be taken now (run or wait): lets a flood be answered before Auth.js runs. */
export function passwordSlotFree(address: string): boolean {
  return (
    (byAddress.get(address) ?? 0) < PASSWORD_CHECKS_AT_ONCE_PER_ADDRESS &&
    (running < PASSWORD_CHECKS_AT_ONCE || waiting.length < PASSWORD_CHECKS_WAITING)
  );
}
