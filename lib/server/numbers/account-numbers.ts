import "server-only";

import type { TwilioAccount } from "../twilio/account";
import { listSenderPool } from "../twilio/messaging-services";
import { listPhoneNumbers, type PhoneNumber } from "../twilio/phone-numbers";

/**
 * An account's numbers, and a Messaging Service's sender pool, as Twilio listed them a moment ago.
 * Every customer's home and number card reads them, and the ISV's own account is shared by every
 * customer without a subaccount: a Twilio list on every page view let customers keep the ISV's
 * account busy (#26 line 6). Each process keeps a list for CACHE_MS; the portal's own changes (a
 * number bought, a sender added) drop it at once. Only views are served from here: every number
 * action checks ownership in the database, and Twilio itself refuses what no longer holds.
 */
const CACHE_MS = 30_000;
const cached = new Map<string, { at: number; list: Promise<unknown> }>();

function remembered<T>(key: string, load: () => Promise<T>, now: number): Promise<T> {
  const hit = cached.get(key);
  if (hit && now - hit.at < CACHE_MS) return hit.list as Promise<T>;
  const list = load();
  cached.set(key, { at: now, list });
  // A failed list is not kept: the next view asks Twilio again.
  list.catch(() => cached.delete(key));
  return list;
}

export const accountNumbers = (account: TwilioAccount, now = Date.now()): Promise<PhoneNumber[]> =>
  remembered(`numbers:${account.sid}`, () => listPhoneNumbers(account), now);

export const senderPoolNumbers = (account: TwilioAccount, serviceSid: string, now = Date.now()): Promise<string[]> =>
  remembered(`pool:${serviceSid}`, () => listSenderPool(account, serviceSid), now);

export function forgetAccountNumbers(accountSid: string): void {
  cached.delete(`numbers:${accountSid}`);
}

export function forgetSenderPool(serviceSid: string): void {
  cached.delete(`pool:${serviceSid}`);
}
