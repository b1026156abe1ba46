import { describe, expect, it } from "vitest";

import { normalizeBrandDetails } from "@/lib/brand/details";
import { groupEvaluationFailures } from "@/lib/dashboard/evaluation-failures";
import { fieldLabel, wizardFieldHref } from "@/lib/dashboard/field-labels";
import { buildTimeline } from "@/lib/dashboard/timeline";
import { explainTwilioError } from "@/lib/trusthub/error-explanations";
import type { EvaluationResult } from "@/lib/trusthub/evaluation-fields";

import { SEED_001_RESULTS } from "../support/seed-001-evaluation";

describe("evaluation failures", () => {
  it("group seed 001's noncompliant evaluation by requirement, each item with its code, an explanation and a link to its field", () => {
    const results: EvaluationResult[] = SEED_001_RESULTS;
    const groups = groupEvaluationFailures("customer-profile", results);
    expect(groups.length).toBe(results.filter((result) => !result.passed).length);
    const business = groups.find((group) => group.requirement === "business_info")!;
    expect(business.bundle).toBe("Business profile");
    expect(business.code).toBe(22214);
    const name = business.items.find((item) => item.field === "business.businessName")!;
    expect(name.code).toBe(22215);
    expect(name.message).toContain("Business Name is missing");
    expect(name.explanation).toBe(explainTwilioError(22215));
    expect(name.href).toBe("/onboarding/business?field=business.businessName");
    expect(name.fieldLabel).toBe("Business information: Business Name");
    const firstName = business.items.find((item) => item.field === "representatives.primary.firstName")!;
    expect(firstName.href).toBe("/onboarding/representatives?field=representatives.primary.firstName");
  });

  it("send a requirement that names no field to the first field of its step", () => {
    const groups = groupEvaluationFailures("customer-profile", [
      {
        passed: false,
        failure_reason: "A Physical Business Address is missing.",
        error_code: 22214,
        requirement_name: "customer_profile_address",
        invalid: [],
      },
    ]);
    expect(groups[0]!.items).toEqual([
      expect.objectContaining({
        field: "address.street",
        code: 22214,
        href: "/onboarding/address?field=address.street",
      }),
    ]);
  });
});

describe("field labels and explanations", () => {
  it("name fields as the wizard does", () => {
    expect(fieldLabel("business.websiteUrl")).toBe("Business information: Website URL");
    expect(fieldLabel("representatives.secondary.email")).toBe("Authorized representatives: Representative 2: Email");
    expect(fieldLabel("company.stockTicker")).toBe("Company type: Stock Ticker");
    expect(wizardFieldHref("address.postalCode")).toBe("/onboarding/address?field=address.postalCode");
  });

  it("explain known codes and fall back on the code's family", () => {
    expect(explainTwilioError(22219)).toContain("PO Box");
    expect(explainTwilioError(22299)).toContain("Twilio's review");
    expect(explainTwilioError(30701)).toContain("Campaign Registry");
    expect(explainTwilioError(null)).toContain("contact us");
  });
});

describe("brand details", () => {
  it("read the same from an SDK fetch, an Event Streams event and Twilio's JSON", () => {
    const expected = { identityStatus: "VERIFIED", brandScore: 82, tcrId: "BXYZ", failureReason: null, errors: [] };
    expect(normalizeBrandDetails({ identityStatus: "VERIFIED", brandScore: 82, tcrId: "BXYZ", errors: [] })).toEqual(
      expected,
    );
    expect(normalizeBrandDetails({ identitystatus: "VERIFIED", brandscore: "82", tcrid: "BXYZ" })).toEqual(expected);
    expect(
      normalizeBrandDetails({ identity_status: "VERIFIED", brand_score: 82, tcr_id: "BXYZ", failure_reason: null }),
    ).toEqual(expected);
    expect(
      normalizeBrandDetails({ errors: [{ code: "30799", description: "Mismatch", fields: ["business_name"] }] }).errors,
    ).toEqual([{ code: 30799, description: "Mismatch", fields: ["business_name"] }]);
    expect(normalizeBrandDetails(null).errors).toEqual([]);
  });
});

describe("the timeline", () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 10, minute));
  const staff = { name: "Sam Staff", email: "sam@isv.example", role: "STAFF" };
  const customer = { name: "Alex Owner", email: "alex@acme.example", role: "CUSTOMER" };
  const audits = [
    { createdAt: at(0), action: "application.submitted", metadata: {}, actor: customer },
    { createdAt: at(5), action: "application.approved", metadata: null, actor: staff },
    {
      createdAt: at(9),
      action: "twilio.status_changed",
      metadata: { step: "customer-profile", from: "pending-review", to: "twilio-approved" },
      actor: null,
    },
    { createdAt: at(10), action: "application.field_edited", metadata: { field: "business.websiteUrl" }, actor: staff },
    {
      createdAt: at(11),
      action: "twilio.event",
      metadata: { step: "brand", from: "PENDING", to: "FAILED", type: "x" },
      actor: null,
    },
    { createdAt: at(12), action: "something.unknown", metadata: null, actor: null },
  ];
  const resources = [
    { step: "customer-profile", sid: "BU123", createdAt: at(6) },
    { step: "assign:customer-profile:business-information", sid: "RA1", createdAt: at(7) },
    { step: "brand", sid: "BN1", createdAt: at(8) },
  ];

  it("lists every event oldest first, Twilio steps and status changes included", () => {
    const events = buildTimeline(audits, resources, "staff");
    expect(events.map((event) => event.title)).toEqual([
      "Sent for review by Alex Owner",
      "Approved by Sam Staff",
      "Secondary Customer Profile created at Twilio",
      "Attached business information to the Secondary Customer Profile",
      "Brand registered with The Campaign Registry",
      "Secondary Customer Profile: Approved",
      "Field corrected by Sam Staff",
      "BrandRegistration: Failed",
    ]);
    expect(events[2]!.detail).toBe("BU123");
    expect(events.at(-1)!.tone).toBe("bad");
  });

  it("shows customers 'our team' instead of staff names, and no SIDs or internal edits", () => {
    const events = buildTimeline(audits, resources, "customer");
    expect(events.map((event) => event.title)).toContain("Approved by our team");
    expect(events.some((event) => event.title.includes("Sam Staff") || event.title.startsWith("Field corrected"))).toBe(
      false,
    );
    expect(events.some((event) => event.detail === "BU123")).toBe(false);
  });
});
