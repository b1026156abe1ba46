import "server-only";

import type { TwilioResource } from "@prisma/client";

import { mergeBrandDetails } from "@/lib/brand/details";
import { brandReady } from "@/lib/brand/readiness";
import { describeErrorForLog } from "@/lib/logging/redact";
import { parseA2pEvent, type A2pEventChange } from "@/lib/trusthub/a2p-events";

import { recordNumberRegistration } from "../campaigns/number-registration";
import { db } from "../db";
import { applyTollfreeNews } from "../tollfree/tollfree-news";
import { accountBySid } from "../twilio/client";
import { validBodySignature } from "../twilio/signatures";
import { recordTwilioDetails, recordTwilioStatus, sameJson } from "./record-status";
import { refreshFromTwilio } from "./sync-statuses";
import { twilioSigner } from "./twilio-signer";

export type EventsOutcome = { status: 200 | 400 | 403; updated: number; ignored: number };

/**
 * A batch names at most this many accounts. Twilio sends one sink's events, and a sink belongs to
 * one account (live-twilio.md §3: a Sink and Subscription per subaccount); each account named costs
 * a database read and a signature check, so a forged batch naming thousands is refused unread (#26).
 */
export const MAX_ACCOUNTS_PER_BATCH = 5;

/**
 * A batch of Event Streams CloudEvents, authenticated as Twilio signs them: X-Twilio-Signature over
 * the URL, whose `bodySHA256` parameter covers the body (live-twilio.md §3). Which account's token
 * signs a subaccount's sink is unconfirmed, so both are accepted: the ISV's token vouches for any of
 * its accounts; a subaccount's token only for events that name that subaccount. The signature is
 * checked before the body is parsed. Events of unknown types, or naming a resource the signer does
 * not own, are ignored without failing the batch.
 */
export async function handleEvents(
  publicUrl: string,
  signature: string | null,
  rawBody: string,
): Promise<EventsOutcome> {
  const signer = await verifiedSigner(publicUrl, signature, rawBody);
  if (!signer) return { status: 403, updated: 0, ignored: 0 };
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    body = undefined;
  }
  const events = Array.isArray(body) ? body : body && typeof body === "object" ? [body] : null;
  if (!events) return { status: 400, updated: 0, ignored: 0 };
  let updated = 0;
  let ignored = 0;
  for (const event of events) {
    const change = parseA2pEvent(event);
    const allowed = change && (signer === "isv" || change.accountSid === signer);
    if (allowed && (await applyChange(change, (event as { type: string }).type, event))) updated++;
    else ignored++;
  }
  return { status: 200, updated, ignored };
}

/**
 * Who signed the batch (see twilioSigner), checked over the URL and its bodySHA256; null if nobody.
 * The accounts a subaccount's token could vouch for are read from the raw text with one linear
 * pattern, not by parsing it, and a batch naming more than MAX_ACCOUNTS_PER_BATCH is refused.
 */
async function verifiedSigner(publicUrl: string, signature: string | null, rawBody: string) {
  if (!signature || !new URL(publicUrl).searchParams.get("bodySHA256")) return null;
  const named = accountsNamedIn(rawBody);
  if (named === null) return null;
  return twilioSigner(named, (token) => validBodySignature(token, signature, publicUrl, rawBody));
}

const ACCOUNT_SID_FIELD = /"accountsid"\s{0,8}:\s{0,8}"(AC[0-9a-fA-F]{32})"/g;

/** The distinct accounts a batch names (CloudEvents `data.accountsid`), or null past the limit. */
export function accountsNamedIn(rawBody: string): string[] | null {
  const named = new Set<string>();
  for (const match of rawBody.matchAll(ACCOUNT_SID_FIELD)) {
    named.add(match[1]!);
    if (named.size > MAX_ACCOUNTS_PER_BATCH) return null;
  }
  return [...named];
}

/**
 * Moves the recorded status of the brand, campaign or sender number the event names, if it is the
 * account's and the news is newer.
 */
async function applyChange(change: A2pEventChange, eventType: string, event: unknown): Promise<boolean> {
  if (change.kind === "number") {
    const digits = (event as { data?: { phonenumber?: unknown } }).data?.phonenumber;
    return recordNumberRegistration(change, typeof digits === "string" ? digits : null);
  }
  if (change.kind === "brand") return applyBrandChange(change, eventType);
  if (change.kind === "tollfree") return applyTollfreeNews(change.accountSid, change.verificationSid);
  const resource = await campaignResource(change);
  if (!resource) return false;
  if (resource.status === change.status) return false;
  // An event says only part of what the portal keeps (a campaign's service, use case, sent version).
  const details = { ...(resource.details as object | null), ...change.details };
  return recordTwilioStatus(resource, {
    status: change.status,
    details: details as never,
    source: "event",
    eventType,
    supersedes: (current) => eventSupersedes(change.status, change.at, current),
    ...(change.at ? { at: change.at } : {}),
  });
}

/**
 * A brand event: its facts merged into what the portal keeps, its status (if any) recorded. Two
 * events of one brand often arrive together (brand-registered and its outcome): a merge that lost
 * the race to the other is done again on the fresh record, so neither event's facts are lost.
 */
async function applyBrandChange(change: Extract<A2pEventChange, { kind: "brand" }>, eventType: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const resource = await db.twilioResource.findFirst({
      where: { sid: change.brandSid, accountSid: change.accountSid, step: "brand" },
    });
    if (!resource) return false;
    // An event says only part of what the portal keeps: what it does not say is kept.
    const details = mergeBrandDetails(resource.details, change.details, change.status ?? resource.status ?? "");
    if (change.status !== null && resource.status !== change.status)
      return recordTwilioStatus(resource, {
        status: change.status,
        details: details as never,
        source: "event",
        eventType,
        supersedes: (current) => eventSupersedes(change.status!, change.at, current),
        ...(change.at ? { at: change.at } : {}),
      });
    // No status news (brand-registered, a vetting outcome, a 2FA click) or the same status: newer facts only.
    const news = !sameJson(details, resource.details);
    if (news && !(await recordTwilioDetails(resource, details as never))) continue;
    // brand-registered "doesn't reflect the verification status" (Event Streams guide), and a Sole
    // Proprietor's approval (APPROVED, identity UNVERIFIED: the code is texted) sends nothing else:
    // such an event is a signal to read the brand now rather than at the next sync.
    if (change.status === null && !brandReady(resource.status, details.identityStatus))
      return (await readBrandNow(resource.id)) || news;
    return news;
  }
  return false;
}

/** Reads a brand from Twilio and records it; a failure leaves it to the sync (logged, never thrown). */
async function readBrandNow(resourceId: string): Promise<boolean> {
  const resource = await db.twilioResource.findUnique({ where: { id: resourceId } });
  if (!resource) return false;
  try {
    return await refreshFromTwilio(
      resource,
      { accountFor: accountBySid, retry: { attempts: 2, baseMs: 250, maxMs: 1000 } },
      { statusNewsOnly: true },
    );
  } catch (error) {
    console.error(`[events] brand ${resource.sid} not read now: ${describeErrorForLog(error)}`);
    return false;
  }
}

/** Whether an event's status may replace the one recorded. */
function eventSupersedes(status: string, at: Date | null, current: TwilioResource): boolean {
  // An event dated before the status we hold is late: it may not move the resource back.
  const laterStage = stageRank(status) > stageRank(current.status);
  if (at && current.statusUpdatedAt && at < current.statusUpdatedAt && !laterStage) return false;
  // A final status never goes back to a waiting one, whatever the event's date.
  return !(stageRank(current.status) === 2 && stageRank(status) === 1);
}

/**
 * Event Streams names a campaign by its CM… registration SID, not the Usa2p QE… SID the portal
 * records: it is found by that SID if recorded, else through its Messaging Service.
 */
async function campaignResource(change: Extract<A2pEventChange, { kind: "campaign" }>) {
  if (change.campaignSid) {
    const bySid = await db.twilioResource.findFirst({
      where: { sid: change.campaignSid, accountSid: change.accountSid },
    });
    if (bySid) return bySid;
  }
  if (!change.messagingServiceSid) return null;
  const service = await db.twilioResource.findFirst({
    where: { sid: change.messagingServiceSid, accountSid: change.accountSid, step: "messaging-service" },
  });
  if (!service) return null;
  return db.twilioResource.findFirst({
    where: { applicationId: service.applicationId, step: "campaign", accountSid: change.accountSid },
  });
}

/** Brand and campaign statuses in the order they move: a final one never goes back to a waiting one. */
const WAITING = new Set(["PENDING", "IN_REVIEW", "IN_PROGRESS"]);
function stageRank(status: string | null): number {
  if (!status) return 0;
  return WAITING.has(status) ? 1 : 2;
}
