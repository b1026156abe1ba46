import "server-only";

import { describeErrorForLog } from "@/lib/logging/redact";

import { db } from "../db";
import type { TwilioAccount } from "./account";
import { TWILIO_REQUEST_TIMEOUT_MS } from "./http-client";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The gap after the previous brand or campaign request's answer: Twilio's second, and a margin for clocks. */
export const A2P_REQUEST_SPACING_MS = 1100;

export type RateSlotOptions = {
  /** The gap kept after the previous request's answer (A2P_REQUEST_SPACING_MS unless a test or bench says). */
  spacingMs?: number;
  /** How long a holder that never releases (a crashed process) keeps the slot: a request's timeout, and more. */
  holdMs?: number;
  /**
   * What the request runs in (the account's call slot), entered up to `aroundLeadMs` before the
   * request's time: the slot is claimed that early and the request still waits for its time inside.
   */
  around?: <R>(turn: () => Promise<R>) => Promise<R>;
  aroundLeadMs?: number;
};

/**
 * How early a paced request claims the rate slot and takes its call slot: a call slot can take
 * a Trust Hub call's answer (about 200 ms in the benchmark) to free, and taken after the request's
 * time it delayed each of 200 brand and campaign requests by 9 ms on average (#27 line 5).
 */
export const CALL_SLOT_LEAD_MS = 150;

/**
 * Sends one brand or campaign request in this account's request slot: one at a time, each at least
 * `spacingMs` after the previous one's answer, for every process of the deployment (seeds README:
 * "Brand and campaign requests: at most one request per second"; shared by brands and campaigns,
 * the stricter reading, so neither kind can push the other over).
 *
 * Why after the answer and not after the send (decision 0019): Twilio counts a request when it
 * arrives, and arrival lies anywhere between our send and its answer. A gap counted from the send
 * holds only while every request takes the same time to get there; two busy instances (event-loop
 * lag, a slow connection) brought two brand creations closer than a second and got 429s. Counted
 * from the answer, the next request cannot arrive within `spacingMs` of the previous one, whatever
 * the delays. The cost: each request also waits for the previous one's round trip.
 *
 * The slot is a row (`TwilioRateSlot.nextAllowedAt`), claimed with a conditional update: while held
 * it names the end of the hold (the request's timeout and more, so a crashed holder frees it), and
 * the holder's answer replaces that with answer time + spacing. A waiter sleeps until that time, or
 * looks again every `pollMs` while the slot is held.
 */
export async function inRateSlot<T>(
  accountSid: string,
  call: () => Promise<T>,
  {
    spacingMs = A2P_REQUEST_SPACING_MS,
    holdMs = TWILIO_REQUEST_TIMEOUT_MS + 5000,
    around,
    aroundLeadMs = 0,
  }: RateSlotOptions = {},
): Promise<T> {
  const key = `${accountSid}:a2p`;
  const held = await inLocalTurn(key, () => claimSlot(key, spacingMs, holdMs, around ? aroundLeadMs : 0));
  // The spacing counts from the answer, not from when the call slot (a database write) was given back.
  let answeredAt: number | null = null;
  try {
    // Claimed early or not, the request itself never goes before the slot's time.
    const turn = async () => {
      const wait = held.notBefore - Date.now();
      if (wait > 0) await sleep(wait);
      try {
        return await call();
      } finally {
        answeredAt = Date.now();
      }
    };
    return await (around ? around(turn) : turn());
  } finally {
    // A release that fails must not hide the request's answer (a brand's SID): the hold then lapses.
    await db.twilioRateSlot
      .updateMany({
        where: { key: held.key, nextAllowedAt: held.until },
        data: { nextAllowedAt: new Date((answeredAt ?? Date.now()) + spacingMs) },
      })
      .catch((error: unknown) => console.error(`[rate-slot] not released: ${describeErrorForLog(error)}`));
  }
}

/**
 * This process's waiters for one slot look for it one at a time: the first polls the database, the
 * rest wait here without a query. A hundred customers' brand requests polling the row every 250 ms
 * kept SQLite and the event loop busy, and each request then went out several milliseconds after
 * its time (#27 line 5). The database still decides between processes.
 */
const localTurns = new Map<string, Promise<unknown>>();
async function inLocalTurn<T>(key: string, claim: () => Promise<T>): Promise<T> {
  const previous = localTurns.get(key) ?? Promise.resolve();
  const mine = previous.then(claim, claim);
  const settled = mine.catch(() => undefined);
  localTurns.set(key, settled);
  try {
    return await mine;
  } finally {
    if (localTurns.get(key) === settled) localTurns.delete(key);
  }
}

/**
 * The slot, claimed at most `leadMs` before its time (`notBefore`): the claim only makes it this
 * holder's; the send waits for the time.
 */
async function claimSlot(
  key: string,
  spacingMs: number,
  holdMs: number,
  leadMs: number,
): Promise<{ key: string; until: Date; notBefore: number }> {
  // Polling only matters while a request is out; once answered, the slot's time is known and slept to.
  const pollMs = Math.min(250, Math.max(20, spacingMs / 2));
  let row = await db.twilioRateSlot.findUnique({ where: { key } });
  for (;;) {
    const wait = (row?.nextAllowedAt.getTime() ?? 0) - Date.now();
    if (wait > spacingMs) {
      // Held: a request is out, and its answer will set the time.
      await sleep(pollMs);
      row = await db.twilioRateSlot.findUnique({ where: { key } });
      continue;
    }
    // Answered: the time is known. Slept to (less the lead), then claimed straight away (the
    // conditional update fails if another process took the slot meanwhile, and the row is read again).
    if (wait > leadMs) await sleep(wait - leadMs);
    const until = new Date(Date.now() + holdMs);
    const claimed = row
      ? (
          await db.twilioRateSlot.updateMany({
            where: { key, nextAllowedAt: row.nextAllowedAt },
            data: { nextAllowedAt: until },
          })
        ).count === 1
      : await db.twilioRateSlot
          .create({ data: { key, nextAllowedAt: until } })
          .then(() => true)
          .catch(() => false);
    if (claimed) return { key, until, notBefore: row?.nextAllowedAt.getTime() ?? 0 };
    row = await db.twilioRateSlot.findUnique({ where: { key } });
  }
}

/**
 * A brand or campaign request as the gateway sends every one: in its account's rate slot, spaced
 * as the caller's pacing says, and only then in one of the account's call slots (the provisioning
 * run's), taken CALL_SLOT_LEAD_MS before the request's time, so that waiting for the rate slot
 * keeps no call slot from other customers' steps and a busy call slot does not delay the request.
 * A billable request's fence is checked last, right before the send: the wait can outlast a lease.
 */
export function paced<T>(
  account: Pick<TwilioAccount, "sid" | "pacing">,
  request: () => Promise<T>,
  fence?: () => Promise<void>,
): Promise<T> {
  const send = async () => {
    if (fence) await fence();
    return request();
  };
  return inRateSlot(account.sid, send, {
    spacingMs: account.pacing?.spacingMs,
    around: account.pacing?.inCallSlot,
    aroundLeadMs: CALL_SLOT_LEAD_MS,
  });
}
