import "server-only";

import { describeErrorForLog } from "@/lib/logging/redact";
import { A2P_EVENT_TYPES } from "@/lib/trusthub/a2p-events";

import { audit } from "../audit/audit";
import { db } from "../db";
import type { TwilioAccount } from "../twilio/account";
import {
  createSubscription,
  createWebhookSink,
  deleteSinkAndSubscriptions,
  listSinks,
  listSubscriptionSids,
  type Sink,
} from "../twilio/event-streams";

const SINK_DESCRIPTION = "Onboarding portal: A2P brand and campaign events";

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
    const sinks = await listSinks(account);
    const sink =
      sinks.find((candidate) => candidate.sinkType === "webhook" && candidate.destination === destination) ??
      (await createWebhookSink(account, destination, SINK_DESCRIPTION));
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
    const previous = row && row.destination !== destination ? row.destination : null;
    const removed = previous ? await removeOldSinks(account, sinks, previous) : [];
    await audit(db, {
      action: "twilio.event_stream_ready",
      targetType: "TwilioAccount",
      targetId: accountSid,
      metadata: { sinkSid: sink.sid, subscriptionSid, removedSinkSids: removed },
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

/**
 * The sinks this portal set up for its previous public URL: left subscribed after the URL changed,
 * they kept sending every customer's events to an address the ISV may no longer control (#26 line
 * 8). Only sinks with the portal's description and exactly that previous destination go (another
 * deployment sharing the account, a staging portal, keeps its own), their subscriptions first. A
 * refusal is logged and left for the ISV (npm run twilio:check lists the account's sinks).
 */
async function removeOldSinks(account: TwilioAccount, sinks: Sink[], previousDestination: string): Promise<string[]> {
  const removed: string[] = [];
  for (const old of sinks) {
    if (old.sinkType !== "webhook" || old.description !== SINK_DESCRIPTION || old.destination !== previousDestination)
      continue;
    try {
      await deleteSinkAndSubscriptions(account, old.sid);
      removed.push(old.sid);
    } catch (error) {
      console.error(`[event-streams] old sink ${old.sid} not removed: ${describeErrorForLog(error)}`);
    }
  }
  return removed;
}
