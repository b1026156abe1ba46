import "server-only";

import { describeErrorForLog } from "@/lib/logging/redact";
import { A2P_EVENT_TYPES } from "@/lib/trusthub/a2p-events";

import { audit } from "../audit/audit";
import { db } from "../db";
import type { TwilioAccount } from "../twilio/account";
import { createSubscription, createWebhookSink, listSinks, listSubscriptionSids } from "../twilio/event-streams";

// A claim older than this whose Twilio calls never finished (a crash) is taken over.
const STALE_CLAIM_MS = 5 * 60_000;

/**
 * Makes sure the account sends its A2P events to the portal: one webhook Sink pointing at
 * `destination` and one Subscription to Twilio's documented A2P types (live-twilio.md §3: ISVs need
 * a Sink and Subscription per subaccount). Idempotent across runs and instances: the account's row
 * is claimed first, and Twilio is asked for an existing sink with this destination before one is
 * created. A refusal is kept on the row and audited; provisioning goes on (the sync still brings
 * every status, only later).
 */
export async function ensureEventStream(account: TwilioAccount, destination: string): Promise<void> {
  const accountSid = account.sid;
  const row = await db.twilioEventStream.findUnique({ where: { accountSid } });
  if (row?.destination === destination && row.subscriptionSid) return;
  if (!(await claim(accountSid, destination, row))) return;
  try {
    const sink =
      (await listSinks(account)).find(
        (candidate) => candidate.sinkType === "webhook" && candidate.destination === destination,
      ) ?? (await createWebhookSink(account, destination, "Onboarding portal: A2P brand and campaign events"));
    await db.twilioEventStream.update({ where: { accountSid }, data: { sinkSid: sink.sid } });
    const subscriptionSid =
      (await listSubscriptionSids(account, sink.sid))[0] ??
      (await createSubscription(
        account,
        sink.sid,
        "Onboarding portal: A2P 10DLC registration events",
        A2P_EVENT_TYPES,
      ));
    await db.twilioEventStream.update({
      where: { accountSid },
      data: { subscriptionSid, lastError: null },
    });
    await audit(db, {
      action: "twilio.event_stream_ready",
      targetType: "TwilioAccount",
      targetId: accountSid,
      metadata: { sinkSid: sink.sid, subscriptionSid },
    });
  } catch (error) {
    const message = describeErrorForLog(error).slice(0, 1000);
    await db.twilioEventStream.update({ where: { accountSid }, data: { lastError: message } });
    await audit(db, {
      action: "twilio.event_stream_failed",
      targetType: "TwilioAccount",
      targetId: accountSid,
      metadata: { error: message },
    });
    console.error(`[event-streams] ${accountSid}: ${message}`);
  }
}

/** Takes the account's row for this run: a new row, a row for another destination, or a stale claim. */
async function claim(
  accountSid: string,
  destination: string,
  row: { destination: string; claimedAt: Date; subscriptionSid: string | null; lastError: string | null } | null,
): Promise<boolean> {
  if (!row) {
    try {
      await db.twilioEventStream.create({ data: { accountSid, destination } });
      return true;
    } catch {
      return false; // another run claimed it a moment ago
    }
  }
  const now = new Date();
  const takeover =
    row.destination !== destination ||
    row.lastError !== null ||
    now.getTime() - row.claimedAt.getTime() > STALE_CLAIM_MS;
  if (!takeover) return false;
  const taken = await db.twilioEventStream.updateMany({
    where: { accountSid, claimedAt: row.claimedAt },
    data: { destination, claimedAt: now, sinkSid: null, subscriptionSid: null, lastError: null },
  });
  return taken.count === 1;
}
