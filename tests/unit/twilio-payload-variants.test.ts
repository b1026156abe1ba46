import { describe, expect, it } from "vitest";

import { mergeBrandDetails, normalizeBrandDetails } from "@/lib/brand/details";
import { parseA2pEvent } from "@/lib/trusthub/a2p-events";
import { bundleRejectionProblems } from "@/lib/trusthub/bundle-rejection";

const AC = "AC" + "1".repeat(32);
const BN = "BN" + "2".repeat(32);
const type = (name: string) => `com.twilio.messaging.compliance.${name}`;

describe("Event Streams payloads, every plausible variant", () => {
  it("keys brand events on their type: registered is not approval, identity decides (#25 line 1)", () => {
    const brand = (name: string, data: Record<string, unknown>) =>
      parseA2pEvent({ type: type(`brand-registration.${name}`), data: { accountsid: AC, brandsid: BN, ...data } });
    // brand-registered "doesn't reflect the verification status": no status news.
    expect(brand("brand-registered", { brandstatus: "registered" })).toMatchObject({ kind: "brand", status: null });
    expect(brand("brand-registered", {})).toMatchObject({ status: null });
    expect(brand("brand-verified", { brandstatus: "registered", identitystatus: "verified" })).toMatchObject({
      status: "APPROVED",
      details: { identityStatus: "VERIFIED" },
    });
    expect(brand("brand-vetted-verified", { brandstatus: "registered" })).toMatchObject({
      status: "APPROVED",
      details: { identityStatus: "VETTED_VERIFIED" },
    });
    // An identity failure still says brandstatus "registered": the brand is FAILED, identity UNVERIFIED.
    expect(
      brand("brand-unverified", {
        brandstatus: "registered",
        identitystatus: "unverified",
        brandregistrationerrors: [{ registrationerrorcode: 30795, registrationerrorfields: ["business_name"] }],
      }),
    ).toMatchObject({
      status: "FAILED",
      details: { identityStatus: "UNVERIFIED", errors: [{ code: 30795, fields: ["business_name"] }] },
    });
    expect(brand("brand-failure", { brandstatus: "registration_failed" })).toMatchObject({ status: "FAILED" });
    expect(brand("brand-failure", {})).toMatchObject({ status: "FAILED" });
    expect(
      brand("brand-secondary-vetting-failure", {
        identitystatus: "vetting_failed",
        brandvettingerrors: [{ errorcode: 30801, errordescription: "The address could not be verified." }],
      }),
    ).toMatchObject({ status: null, details: { identityStatus: "VETTING_FAILED", errors: [{ code: 30801 }] } });
    expect(brand("email-2fa-clicked", { brandstatus: "registered" })).toMatchObject({ status: null });
    // A type Twilio does not document: its brandstatus in the API's spelling, registered never approval.
    expect(brand("brand-somethingnew", { brandstatus: "FAILED" })).toMatchObject({ status: "FAILED" });
    expect(brand("brand-somethingnew", { brandstatus: "registered" })).toMatchObject({ status: null });
    expect(brand("sharing-created", {})).toMatchObject({ status: null });
  });

  it("reads dates in epoch milliseconds (number or text) or ISO, and campaigns by CM SID or Messaging Service", () => {
    const change = parseA2pEvent({
      type: type("campaign-registration.campaign-approved"),
      data: {
        accountsid: AC,
        campaignsid: "CM" + "3".repeat(32),
        messagingservicesid: "MG" + "4".repeat(32),
        campaignregistrationstatus: "approved",
        updateddate: "1756043494500",
      },
    });
    expect(change).toMatchObject({
      kind: "campaign",
      status: "VERIFIED",
      messagingServiceSid: "MG" + "4".repeat(32),
      at: new Date(1756043494500),
    });
    expect(
      parseA2pEvent({
        type: type("campaign-registration.campaign-failure"),
        data: { accountsid: AC, messagingservicesid: "MG1", timestamp: "2026-11-21T10:00:00Z" },
      }),
    ).toMatchObject({ status: "FAILED", campaignSid: null, at: new Date("2026-11-21T10:00:00Z") });
  });

  it("any toll-free verification event names the verification (its status in capitals), to be fetched", () => {
    const HH = "HH" + "3".repeat(32);
    // The documented Verification Edited example's data.
    expect(
      parseA2pEvent({
        type: type("toll-free-verification.edit"),
        data: {
          accountsid: AC,
          tollfreeverificationsid: HH,
          processeddate: 1756043494500,
          verificationstatus: "in_review",
        },
      }),
    ).toEqual({
      kind: "tollfree",
      accountSid: AC,
      verificationSid: HH,
      status: "IN_REVIEW",
      at: new Date(1756043494500),
    });
    // An undocumented type of the family, without a status: still the verification to fetch.
    expect(
      parseA2pEvent({
        type: type("toll-free-verification.approved"),
        data: { accountsid: AC, tollfreeverificationsid: HH },
      }),
    ).toMatchObject({ kind: "tollfree", verificationSid: HH, status: null });
    expect(parseA2pEvent({ type: type("toll-free-verification.edit"), data: { accountsid: AC } })).toBeNull();
  });

  it("ignores what names no account or is not an event at all", () => {
    for (const event of [null, "text", 42, {}, { type: type("brand-registration.brand-registered") }])
      expect(parseA2pEvent(event)).toBeNull();
    expect(
      parseA2pEvent({
        type: type("brand-registration.brand-registered"),
        data: { brandsid: BN, brandstatus: "registered" },
      }),
    ).toBeNull();
    expect(parseA2pEvent({ type: type("number-registration.failed"), data: { accountsid: AC } })).toBeNull();
  });
});

describe("brand details from a fetch, an event, or both", () => {
  it("reads error_code (API), code and registrationerrorcode (events); an event's missing facts are kept", () => {
    expect(
      normalizeBrandDetails({ errors: [{ error_code: 30701, description: "Invalid state", fields: ["region"] }] })
        .errors,
    ).toEqual([{ code: 30701, description: "Invalid state", fields: ["region"] }]);
    const known = normalizeBrandDetails({ identity_status: "VETTED_VERIFIED", brand_score: 82, tcr_id: "B1" });
    const failure = normalizeBrandDetails({
      brandregistrationerrors: [{ registrationerrorcode: 21736, registrationerrorfields: ["brand_contact_email"] }],
    });
    expect(mergeBrandDetails(known, failure, "FAILED")).toMatchObject({
      identityStatus: "VETTED_VERIFIED",
      brandScore: 82,
      tcrId: "B1",
      errors: [{ code: 21736, fields: ["brand_contact_email"] }],
    });
    expect(
      mergeBrandDetails(mergeBrandDetails(known, failure, "FAILED"), normalizeBrandDetails({}), "APPROVED").errors,
    ).toEqual([]);
  });
});

describe("why Twilio rejected a bundle", () => {
  it("places errors next to the wizard's fields whatever the keys, and keeps the rest", () => {
    const problems = bundleRejectionProblems(
      [
        { code: 22217, message: "Name mismatch", fields: ["business_name"] },
        { error_code: "22219", description: "PO box", object_field: "street" },
        {
          failure_reason: "Representative",
          invalid: [{ object_field: "last_name" }],
          requirement_name: "authorized_representative_1",
        },
        { code: 22000, message: "Something else" },
        "garbage",
      ],
      null,
    );
    expect(problems.fields).toEqual([
      { field: "business.businessName", message: "Name mismatch", code: 22217, requirement: "" },
      { field: "address.street", message: "PO box", code: 22219, requirement: "" },
      {
        field: "representatives.primary.lastName",
        message: "Representative",
        code: null,
        requirement: "authorized_representative_1",
      },
    ]);
    expect(problems.other).toEqual([{ message: "Something else", code: 22000, requirement: "" }]);
  });

  it("falls back to the callback's FailureReason, and never to nothing", () => {
    expect(bundleRejectionProblems(null, "Documents unreadable").other).toEqual([
      { message: "Documents unreadable", code: null, requirement: "" },
    ]);
    expect(bundleRejectionProblems(undefined, null).other[0]!.message).toMatch(/without giving a reason/);
  });
});
