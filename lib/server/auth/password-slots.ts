/**
 * How many password sign-ins this process checks at once. Each check is scrypt in libuv's thread
 * pool (lib/server/auth/password.ts: about 0.35 s of a core and 32 MiB here), which has four threads
 * and also serves file reads and compression; before #27 it was bcryptjs on the one main thread, and
 * a flood of sign-ins queued seconds of hashing in front of every other request (#26 line 9). One
 * address gets one check at a time, so a flood from it cannot take the slots everybody else signs in
 * with; the process as a whole a few. Past either limit a sign-in is answered at once, before any
 * database work, asking the person to try again in a moment. A guard of this process's threads and
 * memory, not a limit that must hold across instances: the rate limits in the database do that.
 */
export const PASSWORD_CHECKS_AT_ONCE = 4;
export const PASSWORD_CHECKS_AT_ONCE_PER_ADDRESS = 1;

let running = 0;
const byAddress = new Map<string, number>();

/** A slot to check one password in, and the function that gives it back; null when none is free. */
export function takePasswordSlot(address: string): (() => void) | null {
  const mine = byAddress.get(address) ?? 0;
  if (running >= PASSWORD_CHECKS_AT_ONCE || mine >= PASSWORD_CHECKS_AT_ONCE_PER_ADDRESS) return null;
  running++;
  byAddress.set(address, mine + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    running--;
    const left = (byAddress.get(address) ?? 1) - 1;
    if (left > 0) byAddress.set(address, left);
    else byAddress.delete(address);
  };
}

/** Whether a check from `address` would get a slot now: lets a flood be answered before Auth.js runs. */
export function passwordSlotFree(address: string): boolean {
  return running < PASSWORD_CHECKS_AT_ONCE && (byAddress.get(address) ?? 0) < PASSWORD_CHECKS_AT_ONCE_PER_ADDRESS;
}
