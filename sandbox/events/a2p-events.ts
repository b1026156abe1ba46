import { randomBytes } from "node:crypto";

import { isoDate } from "../core/clock";
import type { StoredResource } from "../core/store";

/**
 * Brand and campaign events as Twilio's Event Streams documents them (live-twilio.md §3, [ET]):
 * types under `com.twilio.messaging.compliance.`, `data` keys in lower case, dates in epoch
 * milliseconds, and a campaign named by its
 * `CM…` registration SID (not the Usa2p `QE…` SID; join on `messagingservicesid`). Statuses with no
 * documented event (IN_REVIEW, PENDING, SUSPENDED) send none, as Twilio; a failed campaign sends the
 * `campaign-failure` type seen only in third-party handlers [3P-T], said so in sandbox/README.md.
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
  const registered = event("brand-registered", "BrandRegistered", {
    ...ids,
    brandstatus: "registered",
    createddate: brand.createdAt,
    updateddate: brand.updatedAt,
    externalbrandid: String(f.tcr_id ?? ""),
  });
  const identity = String(f.identity_status ?? "");
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

export function campaignEvent(campaign: StoredResource, now: number): A2pEvent | null {
  const f = campaign.fields;
  const common = {
    accountsid: campaign.accountSid,
    brandsid: f.brand_registration_sid,
    campaignsid: f.campaign_registration_sid,
    messagingservicesid: campaign.parentSid,
    externalcampaignid: f.campaign_id ?? null,
    a2pusecase: f.us_app_to_person_usecase,
    createddate: campaign.createdAt,
    updateddate: campaign.updatedAt,
    timestamp: isoDate(now),
  };
  const source = `/v1/Services/${campaign.parentSid}/Compliance/Usa2p/${campaign.sid}`;
  if (f.campaign_status === "VERIFIED")
    return {
      type: `${PREFIX}campaign-registration.campaign-approved`,
      schema: "A2P.CampaignApproved/1",
      source,
      data: { ...common, campaignregistrationstatus: "approved", errorcode: null },
    };
  if (f.campaign_status === "FAILED") {
    const [error] = (f.errors as { error_code?: number }[] | null) ?? [];
    return {
      type: `${PREFIX}campaign-registration.campaign-failure`,
      schema: "A2P.CampaignFailure/1",
      source,
      data: { ...common, campaignregistrationstatus: "failed", errorcode: error?.error_code ?? null },
    };
  }
  return null;
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
