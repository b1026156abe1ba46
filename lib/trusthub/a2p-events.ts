import { normalizeBrandDetails, type BrandDetails } from "../brand/details";

/**
 * Twilio's documented A2P Event Streams types (live-twilio.md §3, [ET]); the portal subscribes to
 * these. Types seen only in third-party handlers are not subscribed to (Twilio may refuse an
 * unknown type), but are understood when they arrive.
 */
export const A2P_EVENT_TYPES = [
  "com.twilio.messaging.compliance.brand-registration.brand-failure",
  "com.twilio.messaging.compliance.brand-registration.brand-registered",
  "com.twilio.messaging.compliance.brand-registration.invalid-contact-email",
  "com.twilio.messaging.compliance.brand-registration.email-2fa-clicked",
  "com.twilio.messaging.compliance.campaign-registration.campaign-approved",
  "com.twilio.messaging.compliance.campaign-registration.campaign-deleted",
  "com.twilio.messaging.compliance.number-registration.failed",
  "com.twilio.messaging.compliance.number-registration.pending",
] as const;

export type A2pEventChange =
  | { kind: "brand"; accountSid: string; brandSid: string; status: string; details: BrandDetails; at: Date | null }
  | {
      kind: "campaign";
      accountSid: string;
      campaignSid: string | null;
      messagingServiceSid: string | null;
      status: string;
      details: Record<string, unknown>;
      at: Date | null;
    };

/** Event Streams' brand statuses (lower case) as the Brand API spells them; API spellings pass through. */
const BRAND_STATUS: Record<string, string> = {
  registered: "APPROVED",
  approved: "APPROVED",
  registration_failed: "FAILED",
  failed: "FAILED",
  pending: "PENDING",
  in_review: "IN_REVIEW",
  suspended: "SUSPENDED",
};
const BRAND_TYPE_STATUS: Record<string, string> = {
  "brand-registered": "APPROVED",
  "brand-failure": "FAILED",
  "brand-vetted-verified": "APPROVED",
};
const CAMPAIGN_STATUS: Record<string, string> = {
  approved: "VERIFIED",
  verified: "VERIFIED",
  failed: "FAILED",
  failure: "FAILED",
  suspended: "SUSPENDED",
  in_progress: "IN_PROGRESS",
  pending: "IN_PROGRESS",
};
const CAMPAIGN_TYPE_STATUS: Record<string, string> = {
  "campaign-approved": "VERIFIED",
  "campaign-failure": "FAILED",
  "campaign-verified": "VERIFIED",
};

const text = (value: unknown) => (typeof value === "string" && value ? value : null);

/**
 * What one CloudEvent says about a brand or a campaign, or null for anything else (an unknown
 * type, a number event, an event without a status): the caller ignores those without failing the
 * batch. Both the documented lower-case statuses and the API's upper-case ones are understood.
 */
export function parseA2pEvent(event: unknown): A2pEventChange | null {
  if (!event || typeof event !== "object") return null;
  const { type, data } = event as { type?: unknown; data?: unknown };
  if (typeof type !== "string" || !data || typeof data !== "object") return null;
  const d = data as Record<string, unknown>;
  const accountSid = text(d.accountsid);
  if (!accountSid) return null;
  const name = type.split(".").pop() ?? "";
  const at = eventTime(d);
  if (type.includes(".brand-registration.")) {
    const brandSid = text(d.brandsid);
    const raw = text(d.brandstatus);
    const status = raw ? (BRAND_STATUS[raw.toLowerCase()] ?? raw.toUpperCase()) : BRAND_TYPE_STATUS[name];
    if (!brandSid || !status) return null;
    return { kind: "brand", accountSid, brandSid, status, details: normalizeBrandDetails(d), at };
  }
  if (type.includes(".campaign-registration.")) {
    const raw = text(d.campaignregistrationstatus) ?? text(d.campaignstatus);
    const status = raw ? (CAMPAIGN_STATUS[raw.toLowerCase()] ?? raw.toUpperCase()) : CAMPAIGN_TYPE_STATUS[name];
    const campaignSid = text(d.campaignsid);
    const messagingServiceSid = text(d.messagingservicesid);
    if (!status || (!campaignSid && !messagingServiceSid)) return null;
    return {
      kind: "campaign",
      accountSid,
      campaignSid,
      messagingServiceSid,
      status,
      details: {
        externalCampaignId: text(d.externalcampaignid),
        errorCode: d.errorcode ?? null,
        useCase: text(d.a2pusecase),
      },
      at,
    };
  }
  return null;
}

/** When it happened: Twilio sends epoch milliseconds (`updateddate`) or an ISO `timestamp`. */
export function eventTime(data: Record<string, unknown>): Date | null {
  for (const value of [data.updateddate, data.timestamp]) {
    if (typeof value !== "number" && typeof value !== "string") continue;
    const date = new Date(typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return null;
}
