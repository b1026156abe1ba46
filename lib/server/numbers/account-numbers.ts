import "server-only";

import type { TwilioAccount } from "../twilio/account";
import { listPhoneNumbers, type PhoneNumber } from "../twilio/phone-numbers";

/**
 * An account's numbers as Twilio listed them a moment ago. Every customer's home and number card
 * reads them, and the ISV's own account is shared by every customer without a subaccount: a
 * Twilio list on every page view let customers keep the ISV's account busy (#26 line 6). Each
 * process keeps a list for CACHE_MS; the portal's own changes (a number bought) drop it at once.
 * Only a view is served from here: every number action checks ownership in the database.
 */
const CACHE_MS = 30_000;
const cached = new Map<string, { at: number; numbers: Promise<PhoneNumber[]> }>();

export function accountNumbers(account: TwilioAccount, now = Date.now()): Promise<PhoneNumber[]> {
  const hit = cached.get(account.sid);
  if (hit && now - hit.at < CACHE_MS) return hit.numbers;
  const numbers = listPhoneNumbers(account);
  cached.set(account.sid, { at: now, numbers });
  // A failed list is not kept: the next view asks Twilio again.
  numbers.catch(() => cached.delete(account.sid));
  return numbers;
}

export function forgetAccountNumbers(accountSid: string): void {
  cached.delete(accountSid);
}
