import { randomBytes, randomUUID } from "node:crypto";

import { isoDate } from "../core/clock";
import type { StoredResource } from "../core/store";

/**
 * Brand, campaign and number events as Twilio's Event Streams documents them
 * (../shared/twilio-docs/a2p-event-streams-setup.md, live-twilio.md §3): types under
 * `com.twilio.messaging.compliance.`, `data` keys as in Twilio's examples, dates in epoch
 * milliseconds, and a campaign named by its `CM…` registration SID (not the Usa2p `QE…` SID; join on
 * `messagingservicesid`). Statuses with no documented event (IN_REVIEW, IN_PROGRESS, SUSPENDED) send none.
 */
export type A2pEvent = { type: string; schema: string; source: string; data: Record<string, unknown> };

const PREFIX = "com.twilio.messaging.compliance.";

/**
 * The events a brand's change sends, each with exactly the keys, casing and value types of Twilio's
 * example payload for its type (../shared/twilio-docs/a2p-event-streams-setup.md, "Read the
 * Payloads"): a brand registered at TCR sends *brand-registered* ("doesn't reflect the verification
 * status"), then the identity check's outcome: *brand-verified*, *brand-vetted-verified* (secondary
 * vetting) or *brand-unverified* (identity failed: `brandstatus` still "registered", with Twilio's
 * errors). A submission that fails validation before TCR sends *brand-failure*. Statuses with no
 * documented event (PENDING, IN_REVIEW, SUSPENDED) send none.
 */
export function brandEvents(brand: StoredResource, kind: "identity" | "validation-failure"): A2pEvent[] {
  const f = brand.fields;
  const source = `/v1/a2p/BrandRegistrations/${brand.sid}`;
  const ids = { accountsid: brand.accountSid, brandsid: brand.sid };
  const event = (type: string, schema: string, data: Record<string, unknown>): A2pEvent => ({
    type: `${PREFIX}brand-registration.${type}`,
    schema: `A2P.${schema}/1`,
    source,
    data,
  });
  if (kind === "validation-failure")
    return [
      event("brand-failure", "BrandRegistrationFailure", {
        ...ids,
        brandstatus: "registration_failed",
        createddate: brand.createdAt,
        updateddate: brand.updatedAt,
      }),
    ];
  // PENDING, IN_REVIEW and SUSPENDED have no documented event.
  if (f.status !== "APPROVED" && f.status !== "FAILED") return [];
  const registered = event("brand-registered", "BrandRegistered", {
    ...ids,
    brandstatus: "registered",
    createddate: brand.createdAt,
    updateddate: brand.updatedAt,
    externalbrandid: String(f.tcr_id ?? ""),
  });
  const identity = String(f.identity_status ?? "");
  // A failed secondary vetting (the sandbox's `vetting_failed` marker; the API shows no such identity).
  if (f.vetting_failed === true)
    return [
      registered,
      event("brand-secondary-vetting-failure", "BrandRegistrationSecondaryVettingFailure", {
        ...ids,
        brandstatus: "registered",
        identitystatus: "vetting_failed",
        brandvettingoutcome: "failure",
        createddate: brand.createdAt,
        updateddate: brand.updatedAt,
        externalbrandid: String(f.tcr_id ?? ""),
        brandvettingerrors: ((f.errors as Record<string, unknown>[] | null) ?? []).map((error) => ({
          errorcode: error.error_code,
          errordescription: error.description,
        })),
      }),
    ];
  if (identity === "VETTED_VERIFIED") {
    const score = typeof f.brand_score === "number" ? f.brand_score : 0;
    return [
      registered,
      event("brand-vetted-verified", "BrandRegistrationVettedVerified", {
        ...ids,
        brandstatus: "registered",
        identitystatus: "vetted_verified",
        brandvettingoutcome: "success",
        createddate: brand.createdAt,
        updateddate: brand.updatedAt,
        vettingscore: score,
        externalbrandid: String(f.tcr_id ?? ""),
        brandfeedback: "",
        brandscore: score,
      }),
    ];
  }
  if (identity === "VERIFIED")
    return [
      registered,
      event("brand-verified", "BrandRegistrationVerified", {
        ...ids,
        brandstatus: "registered",
        identitystatus: "verified",
        createddate: brand.createdAt,
        updateddate: brand.updatedAt,
        externalbrandid: String(f.tcr_id ?? ""),
        brandfeedback: "",
      }),
    ];
  // A Sole Proprietor brand approved and waiting for its owner's one-time code: registered, no
  // identity outcome yet (brand-verified follows the reply).
  if (identity === "UNVERIFIED" && f.status === "APPROVED") return [registered];
  if (identity === "UNVERIFIED" && f.status === "FAILED")
    return [
      registered,
      event("brand-unverified", "BrandRegistrationUnverified", {
        ...ids,
        brandstatus: "registered",
        identitystatus: "unverified",
        createddate: brand.createdAt,
        brandregistrationerrors: ((f.errors as Record<string, unknown>[] | null) ?? []).map((error) => ({
          registrationerrorcode: error.error_code,
          registrationerrordescription: error.description,
          registrationerrorurl: error.url,
          registrationerrorfields: error.fields,
        })),
        updateddate: brand.updatedAt,
        externalbrandid: String(f.tcr_id ?? ""),
        brandfeedback: "TAX_ID",
      }),
    ];
  return [];
}

/**
 * A campaign's event, with exactly the keys, casing and value types of Twilio's example payloads
 * (a2p-event-streams-setup.md: "Campaign registration submitted / approved / failure"): a new or
 * re-vetted campaign (PENDING) sends *campaign-submitted* with status "pending"; VERIFIED sends
 * *campaign-approved* with "success" and the TCR campaign id; FAILED sends *campaign-failure* with
 * "failure" (its reasons are read from the API, as the page says). The campaign is named by its
 * `CM…` registration SID, dates are epoch milliseconds. IN_PROGRESS and SUSPENDED send none.
 */
export function campaignEvent(campaign: StoredResource, now: number): A2pEvent | null {
  const f = campaign.fields;
  const data = (status: string, extra: Record<string, unknown> = {}) => ({
    a2pusecase: String(f.us_app_to_person_usecase),
    accountsid: campaign.accountSid,
    brandsid: String(f.brand_registration_sid),
    campaignregistrationstatus: status,
    campaignsid: String(f.campaign_registration_sid),
    createddate: campaign.createdAt,
    ...extra,
    messagingservicesid: String(campaign.parentSid),
    timestamp: now,
    updateddate: campaign.updatedAt,
  });
  const source = `/v1/Services/${campaign.parentSid}/Compliance/Usa2p/${campaign.sid}`;
  const event = (type: string, schema: string, payload: Record<string, unknown>): A2pEvent => ({
    type: `${PREFIX}campaign-registration.${type}`,
    schema: `A2P.${schema}/1`,
    source,
    data: payload,
  });
  if (f.campaign_status === "PENDING")
    return event("campaign-submitted", "CampaignRegistrationSubmitted", data("pending"));
  if (f.campaign_status === "VERIFIED")
    return event(
      "campaign-approved",
      "CampaignRegistrationApproved",
      data("success", { externalcampaignid: String(f.campaign_id ?? "") }),
    );
  if (f.campaign_status === "FAILED") return event("campaign-failure", "CampaignRegistrationFailure", data("failure"));
  return null;
}

/** A number's registration under a campaign, as Event Streams reports it. */
export type NumberRegistrationChange = {
  kind: "registration" | "deregistration";
  outcome: "pending" | "successful" | "failed";
  campaignSid: string | null;
  messagingServiceSid: string;
  failureReason?: string;
};

const EXTERNAL_STATUS = {
  registration: { pending: "pending_registration", successful: "registered", failed: "failure" },
  deregistration: { pending: "pending_deregistration", successful: "unregistered", failed: "failure" },
} as const;

/**
 * A number-registration or number-deregistration event with exactly the keys of Twilio's examples
 * (a2p-event-streams-setup.md, the six "Number (de)registration" payloads): `failureReason` in
 * camel case on failures only, no `campaignsid` once deregistered, the number as ten digits.
 */
export function numberEvent(number: StoredResource, change: NumberRegistrationChange, now: number): A2pEvent {
  const name = change.kind === "registration" ? "Registration" : "Deregistration";
  const outcome = change.outcome[0]!.toUpperCase() + change.outcome.slice(1);
  const withCampaign = !(change.kind === "deregistration" && change.outcome === "successful");
  return {
    type: `${PREFIX}number-${change.kind}.${change.outcome}`,
    schema: `A2P.Number${name}${outcome}/1`,
    source: `/v1/Services/${change.messagingServiceSid}/PhoneNumbers/${number.sid}`,
    data: {
      accountsid: number.accountSid,
      timestamp: now,
      id: randomUUID(),
      ...(withCampaign ? { campaignsid: change.campaignSid ?? "" } : {}),
      externalstatus: EXTERNAL_STATUS[change.kind][change.outcome],
      ...(change.outcome === "failed"
        ? { failureReason: change.failureReason ?? "https://www.twilio.com/docs/api/errors/30126" }
        : {}),
      phonenumbersid: number.sid,
      updateddate: number.updatedAt,
      phonenumber: String(number.fields.phone_number).replace(/^\+1/, ""),
      messagingservicesid: change.messagingServiceSid,
    },
  };
}

/** The CloudEvents envelope Twilio wraps each event in (real deliveries carry `time` and JSON content type). */
export function cloudEvent(event: A2pEvent, now: number): Record<string, unknown> {
  return {
    specversion: "1.0",
    type: event.type,
    source: event.source,
    id: `EZ${randomBytes(16).toString("hex")}`,
    dataschema: `https://events-schemas.twilio.com/${event.schema}`,
    datacontenttype: "application/json",
    time: isoDate(now),
    data: event.data,
  };
}
