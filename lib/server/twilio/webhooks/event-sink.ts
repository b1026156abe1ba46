import "server-only";
import { secretsEqual } from "../../crypto/safe-equal";
import { eventSinkTokenFor } from "./event-sink-token";
import { db } from "../../db";
import { env } from "../../env";
import { normalizeBrandDetails } from "@/lib/trusthub/brand-details";
import { recordTwilioStatus } from "../status/record-status";

/**
 * The Event Streams sink's URL carries a token derived from AUTH_SECRET: configure the sink (at
 * Twilio or in the sandbox) with `${publicBaseUrl}/api/twilio/events?token=<eventSinkToken()>`.
 */
export function eventSinkToken(): string {
  return eventSinkTokenFor(env().AUTH_SECRET);
}

function tokenMatches(token: string | null): boolean {
  return secretsEqual(token, eventSinkToken());
}

type CloudEvent = { type?: string; data?: Record<string, unknown> };

/** Brand and campaign events: the recorded status of the brand (or campaign) moves at once. */
export async function handleEvents(
  token: string | null,
  body: unknown,
): Promise<{ status: 200 | 400 | 403; updated: number }> {
  if (!tokenMatches(token)) return { status: 403, updated: 0 };
  const events = (Array.isArray(body) ? body : [body]) as CloudEvent[];
  if (!events.every((event) => event && typeof event === "object")) return { status: 400, updated: 0 };
  let updated = 0;
  for (const event of events) {
    const data = event.data ?? {};
    const sid = (
      data.brandsid && String(event.type).includes("brand-registration") ? data.brandsid : data.campaignsid
    ) as string | undefined;
    const status = (data.brandstatus ?? data.campaignstatus) as string | undefined;
    if (!sid || !status) continue;
    // The event names the account it happened in; the resource must be that account's. An event
    // without one is not trusted to move anything.
    const accountSid = typeof data.accountsid === "string" ? data.accountsid : null;
    if (!accountSid) continue;
    const resource = await db.twilioResource.findFirst({ where: { sid, accountSid } });
    if (!resource || resource.status === status) continue;
    // An event dated before the status we hold is late: it may not move the resource back.
    const at = eventTime(data);
    const laterStage = stageRank(status) > stageRank(resource.status);
    if (at && resource.statusUpdatedAt && at < resource.statusUpdatedAt && !laterStage) continue;
    const details = resource.step === "brand" ? normalizeBrandDetails(data) : data;
    await recordTwilioStatus(resource, {
      status,
      details: details as never,
      source: "event",
      eventType: event.type,
      ...(at ? { at } : {}),
    });
    updated++;
  }
  return { status: 200, updated };
}

/** Brand and campaign statuses in the order they move: a final one never goes back to a waiting one. */
const WAITING = new Set(["PENDING", "IN_REVIEW", "IN_PROGRESS", "pending", "in_review", "in_progress"]);
function stageRank(status: string | null): number {
  if (!status) return 0;
  return WAITING.has(status) ? 1 : 2;
}

/** When the event happened: Twilio sends epoch milliseconds (`updateddate`) or an ISO `timestamp`. */
function eventTime(data: Record<string, unknown>): Date | null {
  for (const value of [data.updateddate, data.timestamp]) {
    if (typeof value !== "number" && typeof value !== "string") continue;
    const date = new Date(typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return null;
}
