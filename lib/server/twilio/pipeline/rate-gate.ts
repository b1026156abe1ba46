import "server-only";
import { db } from "../../db";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits for this account's next brand or campaign request slot: one per second, shared by brand and
 * campaign calls (seeds README: "Brand and campaign requests: at most one request per second"; the
 * stricter reading, so neither kind can push the other over), for every process of the deployment
 * (the slot is a row in the database, claimed with a conditional update).
 */
export async function waitForSlot(accountSid: string, spacingMs = 1100): Promise<void> {
  const key = `${accountSid}:a2p`;
  for (;;) {
    const now = Date.now();
    const row = await db.twilioRateSlot.findUnique({ where: { key } });
    const slot = Math.max(now, row?.nextAllowedAt.getTime() ?? 0);
    const next = new Date(slot + spacingMs);
    const claimed = row
      ? (
          await db.twilioRateSlot.updateMany({
            where: { key, nextAllowedAt: row.nextAllowedAt },
            data: { nextAllowedAt: next },
          })
        ).count === 1
      : await db.twilioRateSlot
          .create({ data: { key, nextAllowedAt: next } })
          .then(() => true)
          .catch(() => false);
    if (claimed) {
      if (slot > now) await sleep(slot - now);
      return;
    }
  }
}
