import { normalizeBrandDetails, normalizeRegistrationErrors, type BrandDetails } from "../brand/details";

/**
 * Every A2P event type Twilio documents, and nothing else: the fifteen of the Event Streams setup
 * guide (six brand, three campaign, six number; ../shared/twilio-docs/a2p-event-streams-setup.md,
 * "you will subscribe to 15 events") and the two Authentication+ types on Twilio's event-type pages
 * (live-twilio.md §3), and the one toll-free verification type with a documented payload
 * ("Verification Edited", https://www.twilio.com/docs/events/event-types/toll-free/verification).
 * `campaign-deleted` is not documented: an unknown type may make Twilio refuse the whole
 * subscription, so it is not asked for (though understood if it comes); so for other toll-free types.
 */
const COMPLIANCE = "com.twilio.messaging.compliance.";
export const A2P_EVENT_TYPES = [
  `${COMPLIANCE}toll-free-verification.edit`,
  `${COMPLIANCE}brand-registration.brand-registered`,
  `${COMPLIANCE}brand-registration.brand-failure`,
  `${COMPLIANCE}brand-registration.brand-verified`,
  `${COMPLIANCE}brand-registration.brand-unverified`,
  `${COMPLIANCE}brand-registration.brand-vetted-verified`,
  `${COMPLIANCE}brand-registration.brand-secondary-vetting-failure`,
  `${COMPLIANCE}brand-registration.invalid-contact-email`,
  `${COMPLIANCE}brand-registration.email-2fa-clicked`,
  `${COMPLIANCE}campaign-registration.campaign-submitted`,
  `${COMPLIANCE}campaign-registration.campaign-failure`,
  `${COMPLIANCE}campaign-registration.campaign-approved`,
  `${COMPLIANCE}number-registration.pending`,
  `${COMPLIANCE}number-registration.successful`,
  `${COMPLIANCE}number-registration.failed`,
  `${COMPLIANCE}number-deregistration.pending`,
  `${COMPLIANCE}number-deregistration.successful`,
  `${COMPLIANCE}number-deregistration.failed`,
] as const;

export type A2pEventChange =
  | {
      kind: "brand";
      accountSid: string;
      brandSid: string;
      /** The brand's status as the API spells it, or null when the event says nothing of it (only facts). */
      status: string | null;
      details: BrandDetails;
      at: Date | null;
    }
  | {
      kind: "campaign";
      accountSid: string;
      campaignSid: string | null;
      messagingServiceSid: string | null;
      status: string;
      details: Record<string, unknown>;
      at: Date | null;
    }
  | {
      /** Any `toll-free-verification.*` event: it names the verification, which is then fetched. */
      kind: "tollfree";
      accountSid: string;
      verificationSid: string;
      status: string | null;
      at: Date | null;
    }
  | {
      kind: "number";
      accountSid: string;
      phoneNumberSid: string;
      messagingServiceSid: string | null;
      /** Twilio's externalstatus: pending_registration, registered, failure, pending_deregistration, unregistered. */
      status: string;
      failureReason: string | null;
      at: Date | null;
    };

/**
 * What each documented brand event says of the brand, keyed on its `type` (live-twilio.md §3):
 * - brand-registered: registered at TCR, "doesn't reflect the verification status": no status;
 * - brand-verified / brand-vetted-verified: ready for campaigns (APPROVED, identity verified);
 * - brand-unverified: the identity check failed (an EIN or name mismatch), though its data says
 *   `brandstatus: "registered"`: the brand is FAILED with identity UNVERIFIED and Twilio's errors,
 *   as the API reports it, and goes down the resubmission path;
 * - brand-failure: the submission failed validation: FAILED;
 * - brand-secondary-vetting-failure, invalid-contact-email, email-2fa-clicked: facts, no status.
 */
const BRAND_TYPE: Record<string, { status: string | null; identity?: string }> = {
  "brand-registered": { status: null },
  "brand-verified": { status: "APPROVED", identity: "VERIFIED" },
  "brand-vetted-verified": { status: "APPROVED", identity: "VETTED_VERIFIED" },
  "brand-unverified": { status: "FAILED", identity: "UNVERIFIED" },
  "brand-failure": { status: "FAILED" },
  "brand-secondary-vetting-failure": { status: null, identity: "VETTING_FAILED" },
  "invalid-contact-email": { status: null },
  "email-2fa-clicked": { status: null },
};
/** An undocumented brand type: its `brandstatus` read as the API spells it; `registered` is never approval. */
const BRAND_STATUS: Record<string, string | null> = {
  registered: null,
  approved: "APPROVED",
  registration_failed: "FAILED",
  failed: "FAILED",
  pending: "PENDING",
  in_review: "IN_REVIEW",
  suspended: "SUSPENDED",
};
/**
 * A campaign event's `campaignregistrationstatus` in the API's spelling. Twilio's own examples say
 * "pending" (submitted), "success" (approved, the Event Streams guide) and "approved" (the
 * event-type page), "failure": all are understood, and the event's `type` wins when it is known.
 */
const CAMPAIGN_STATUS: Record<string, string> = {
  approved: "VERIFIED",
  success: "VERIFIED",
  verified: "VERIFIED",
  failed: "FAILED",
  failure: "FAILED",
  suspended: "SUSPENDED",
  in_progress: "IN_PROGRESS",
  pending: "PENDING",
};
const CAMPAIGN_TYPE_STATUS: Record<string, string> = {
  "campaign-submitted": "PENDING",
  "campaign-approved": "VERIFIED",
  "campaign-failure": "FAILED",
  "campaign-verified": "VERIFIED",
};
/** A number event's type → its externalstatus, when the data does not say it (the examples always do). */
const NUMBER_TYPE_STATUS: Record<string, string> = {
  "number-registration.pending": "pending_registration",
  "number-registration.successful": "registered",
  "number-registration.failed": "failure",
  "number-deregistration.pending": "pending_deregistration",
  "number-deregistration.successful": "unregistered",
  "number-deregistration.failed": "failure",
};

const text = (value: unknown) => (typeof value === "string" && value ? value : null);

/**
 * What one CloudEvent says about a brand, a campaign or a number's registration, or null for
 * anything else (an unknown type, an event without a status): the caller ignores those without
 * failing the batch. Both the documented lower-case statuses and the API's upper-case ones are understood.
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
    if (!brandSid) return null;
    const raw = text(d.brandstatus);
    const known = BRAND_TYPE[name];
    const status = known
      ? known.status
      : raw
        ? BRAND_STATUS[raw.toLowerCase()] === undefined
          ? raw.toUpperCase()
          : BRAND_STATUS[raw.toLowerCase()]!
        : null;
    const details = normalizeBrandDetails(d);
    // A secondary vetting's errors come as `brandvettingerrors` ({errorcode, errordescription}).
    const vettingErrors = normalizeRegistrationErrors(d.brandvettingerrors);
    return {
      kind: "brand",
      accountSid,
      brandSid,
      status,
      details: {
        ...details,
        identityStatus: details.identityStatus ?? known?.identity ?? null,
        errors: details.errors.length ? details.errors : vettingErrors,
      },
      at,
    };
  }
  if (type.includes(".campaign-registration.")) {
    const raw = text(d.campaignregistrationstatus) ?? text(d.campaignstatus);
    const status =
      CAMPAIGN_TYPE_STATUS[name] ?? (raw ? (CAMPAIGN_STATUS[raw.toLowerCase()] ?? raw.toUpperCase()) : undefined);
    const campaignSid = text(d.campaignsid);
    const messagingServiceSid = text(d.messagingservicesid);
    if (!status || (!campaignSid && !messagingServiceSid)) return null;
    return {
      kind: "campaign",
      accountSid,
      campaignSid,
      messagingServiceSid,
      status,
      // Only what the event says: an absent id or code keeps what the portal knew.
      details: {
        ...(text(d.externalcampaignid) ? { campaignId: text(d.externalcampaignid) } : {}),
        ...(d.errorcode !== undefined && d.errorcode !== null ? { errorCode: d.errorcode } : {}),
        ...(text(d.a2pusecase) ? { useCase: text(d.a2pusecase) } : {}),
      },
      at,
    };
  }
  if (type.includes(".toll-free-verification.")) {
    const verificationSid = text(d.tollfreeverificationsid);
    if (!verificationSid) return null;
    const status = text(d.verificationstatus)?.toUpperCase() ?? null;
    const processed = typeof d.processeddate === "number" ? new Date(d.processeddate) : null;
    return { kind: "tollfree", accountSid, verificationSid, status, at: processed ?? at };
  }
  const numberType = /\.(number-(?:de)?registration\.[a-z]+)$/.exec(type)?.[1];
  if (numberType) {
    const phoneNumberSid = text(d.phonenumbersid);
    const status = text(d.externalstatus)?.toLowerCase() ?? NUMBER_TYPE_STATUS[numberType];
    if (!phoneNumberSid || !status) return null;
    return {
      kind: "number",
      accountSid,
      phoneNumberSid,
      messagingServiceSid: text(d.messagingservicesid),
      // A failed (de)registration keeps the type's meaning even if a status word is unfamiliar.
      status: numberType.endsWith(".failed") ? "failure" : status,
      // Twilio's example spells it `failureReason`; the prose says `failurereason`: both are read.
      failureReason: text(d.failureReason) ?? text(d.failurereason),
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
