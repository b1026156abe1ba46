import { randomBytes } from "node:crypto";

import { isoDate } from "../core/clock";
import type { StoredResource } from "../core/store";

/**
 * Brand and campaign events as Twilio's Event Streams documents them (live-twilio.md §3, [ET]):
 * types under `com.twilio.messaging.compliance.`, `data` keys in lower case, dates in epoch
 * milliseconds, `brandstatus` `registered` / `registration_failed`, and a campaign named by its
 * `CM…` registration SID (not the Usa2p `QE…` SID; join on `messagingservicesid`). Statuses with no
 * documented event (IN_REVIEW, PENDING, SUSPENDED) send none, as Twilio; a failed campaign sends the
 * `campaign-failure` type seen only in third-party handlers [3P-T], said so in sandbox/README.md.
 */
export type A2pEvent = { type: string; schema: string; source: string; data: Record<string, unknown> };

const PREFIX = "com.twilio.messaging.compliance.";

export function brandEvent(brand: StoredResource): A2pEvent | null {
  const f = brand.fields;
  const common = {
    accountsid: brand.accountSid,
    brandsid: brand.sid,
    createddate: brand.createdAt,
    updateddate: brand.updatedAt,
  };
  const source = `/v1/a2p/BrandRegistrations/${brand.sid}`;
  if (f.status === "APPROVED")
    return {
      type: `${PREFIX}brand-registration.brand-registered`,
      schema: "A2P.BrandRegistered/1",
      source,
      data: {
        ...common,
        brandstatus: "registered",
        externalbrandid: f.tcr_id ?? null,
        brandfeedback: "",
        identitystatus: f.identity_status ?? null,
        brandscore: f.brand_score ?? null,
      },
    };
  if (f.status === "FAILED")
    return {
      type: `${PREFIX}brand-registration.brand-failure`,
      schema: "A2P.BrandRegistrationFailure/3",
      source,
      data: {
        ...common,
        brandstatus: "registration_failed",
        brandregistrationerrors: ((f.errors as Record<string, unknown>[] | null) ?? []).map((error) => ({
          registrationerrorcode: error.error_code,
          registrationerrordescription: error.description,
          registrationerrorurl: error.url,
          registrationerrorfields: error.fields,
        })),
      },
    };
  return null;
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
