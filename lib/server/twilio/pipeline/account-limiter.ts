/**
 * At most `limit` provisioning steps at once per Twilio account in this process, whatever number
 * of applications are being provisioned for it (Twilio's limits are per account).
 */
const limiters = new Map<string, { active: number; waiting: (() => void)[] }>();

export async function withAccountSlot<T>(accountSid: string, limit: number, work: () => Promise<T>): Promise<T> {
  let limiter = limiters.get(accountSid);
  if (!limiter) limiters.set(accountSid, (limiter = { active: 0, waiting: [] }));
  if (limiter.active >= limit) await new Promise<void>((resolve) => limiter!.waiting.push(resolve));
  limiter.active++;
  try {
    return await work();
  } finally {
    limiter.active--;
    limiter.waiting.shift()?.();
  }
}

export function activeSlots(accountSid: string): number {
  return limiters.get(accountSid)?.active ?? 0;
}
