import "server-only";

import { randomUUID } from "node:crypto";

import { db } from "../db";
import { tuning } from "../tuning";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * At most `limit` provisioning steps at once per Twilio account, across every process and instance
 * of the deployment (Twilio's limits are per account): each step holds one of the account's
 * numbered slots in the database while it runs. `priority`: lower goes first among this process's
 * waiters (see localTurn).
 */
export function withAccountSlot<T>(
  accountSid: string,
  limit: number,
  work: () => Promise<T>,
  priority = Date.now(),
): Promise<T> {
  return localTurn(accountSid, limit, priority, () => holdingSlot(accountSid, limit, work));
}

/**
 * The priority of a brand or campaign request: before every other waiter. It holds the account's
 * one-request-a-second slot while it waits, and that slot is what a hundred customers queue for
 * (#27 line 5: 2 × customers × 1.1 s is Twilio's own floor).
 */
export const PACED_REQUEST_PRIORITY = 0;

type Waiter = { priority: number; seq: number; resume: () => void };

/**
 * This process's own queue in front of the database's slots: at most `limit` of its steps per
 * account look for a slot in the database at a time; the others wait their turn here without a
 * query. Twenty customers approved at once start up to 8 steps each: polling the database, 160
 * waiters kept its connections and the event loop busy with slot look-ups (the 20-customer
 * benchmark on PostgreSQL: 84–121 s). The database still decides across instances.
 *
 * Waiters go by priority, then in order of arrival: a brand or campaign request first, then the
 * steps of the job approved earliest. First come, first served across customers let every
 * customer's first steps go before anyone's brand (a hundred customers: the first brand request
 * waited behind some 700 calls), and the account's brand-and-campaign slot sat idle meanwhile;
 * finishing customers in the order they were approved keeps brands ready one after another.
 */
const localQueues = new Map<string, { running: number; waiting: Waiter[] }>();
let arrivals = 0;
async function localTurn<T>(accountSid: string, limit: number, priority: number, work: () => Promise<T>): Promise<T> {
  let queue = localQueues.get(accountSid);
  if (!queue) localQueues.set(accountSid, (queue = { running: 0, waiting: [] }));
  if (queue.running >= limit) {
    const waiting = queue.waiting;
    await new Promise<void>((resume) => {
      const waiter = { priority, seq: arrivals++, resume };
      // Kept sorted: the first waiter is the next to go.
      let at = waiting.length;
      while (at > 0 && waiting[at - 1]!.priority > priority) at--;
      waiting.splice(at, 0, waiter);
    });
  } else queue.running++;
  try {
    return await work();
  } finally {
    const next = queue.waiting.shift();
    // The turn passes straight to the next waiter; the count drops only when nobody waits.
    if (next) next.resume();
    else if (--queue.running === 0) localQueues.delete(accountSid);
  }
}

async function holdingSlot<T>(accountSid: string, limit: number, work: () => Promise<T>): Promise<T> {
  const holder = randomUUID();
  const slot = await acquire(accountSid, limit, holder);
  const renew = setInterval(() => {
    void db.accountSlot
      .updateMany({
        where: { accountSid, slot, holder },
        data: { until: new Date(Date.now() + tuning().ACCOUNT_SLOT_LEASE_MS) },
      })
      .catch(() => undefined);
  }, tuning().ACCOUNT_SLOT_LEASE_MS / 3);
  try {
    return await work();
  } finally {
    clearInterval(renew);
    await db.accountSlot.deleteMany({ where: { accountSid, slot, holder } });
  }
}

/**
 * Takes a free slot (never taken, or its holder's lease ran out), waiting until one frees. A waiter
 * reads the account's slots once a round and tries only the free ones, and waits longer each round
 * (up to 200 ms): many steps waiting on one account cost a few queries a second each, not a storm.
 */
async function acquire(accountSid: string, limit: number, holder: string): Promise<number> {
  for (let round = 0; ; round++) {
    const now = new Date();
    const until = new Date(now.getTime() + tuning().ACCOUNT_SLOT_LEASE_MS);
    const held = await db.accountSlot.findMany({ where: { accountSid }, select: { slot: true, until: true } });
    for (let slot = 0; slot < limit; slot++) {
      const current = held.find((row) => row.slot === slot);
      if (current && current.until >= now) continue;
      if (!current) {
        try {
          await db.accountSlot.create({ data: { accountSid, slot, holder, until } });
          return slot;
        } catch (error) {
          if ((error as { code?: string }).code !== "P2002") throw error;
          continue;
        }
      }
      // Held by a holder whose lease ran out (a crashed process): taken over.
      const taken = await db.accountSlot.updateMany({
        where: { accountSid, slot, until: { lt: now } },
        data: { holder, until },
      });
      if (taken.count === 1) return slot;
    }
    const wait = Math.min(200, 10 * 2 ** Math.min(round, 5));
    await sleep(wait / 2 + Math.random() * wait);
  }
}

/** The account's slots held now (for tests and operations). */
export function activeSlots(accountSid: string): Promise<number> {
  return db.accountSlot.count({ where: { accountSid, until: { gte: new Date() } } });
}
