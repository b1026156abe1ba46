import "server-only";
import { timingSafeEqual } from "node:crypto";
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
  if (!token) return false;
  const expected = Buffer.from(eventSinkToken());
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
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
    const resource = await db.twilioResource.findFirst({ where: { sid } });
    if (!resource || resource.status === status) continue;
    const details = resource.step === "brand" ? normalizeBrandDetails(data) : data;
    await recordTwilioStatus(resource, { status, details: details as never, source: "event", eventType: event.type });
    updated++;
  }
  return { status: 200, updated };
}
