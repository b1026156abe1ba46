import { describe, expect, it } from "vitest";

import { reviewSections } from "@/lib/onboarding/review-sections";
import {
  applicationKind,
  parseApplication,
  stepSchemaFor,
  type ApplicationDraft,
  type SoleProprietorApplication,
} from "@/lib/onboarding/schema/application";
import { SOLE_PROPRIETOR_VERTICALS } from "@/lib/onboarding/schema/options";
import { stepStatus } from "@/lib/onboarding/step-status";
import { brandRegistrationOptions, hasSecondaryVetting, soleProprietorAttributes } from "@/lib/trusthub/payloads";

import { ACME } from "../../../support/acme";
import { SOLE_PROPRIETOR } from "../../../support/sole-proprietor";

const errors = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));

describe("a sole proprietor's application (#13 line 2)", () => {
  it("is chosen by saying there is no tax ID; a draft that never answered stays Standard", () => {
    expect(applicationKind(SOLE_PROPRIETOR as ApplicationDraft)).toBe("sole-proprietor");
    expect(applicationKind(ACME as ApplicationDraft)).toBe("standard");
    expect(applicationKind({})).toBe("standard");
  });

  it("asks only for Twilio's Sole Proprietor fields", () => {
    const parsed = parseApplication(SOLE_PROPRIETOR as ApplicationDraft);
    expect(parsed.success).toBe(true);
    expect(Object.keys(parsed.data!.business).sort()).toEqual(["businessName", "hasTaxId", "vertical"]);
    expect(Object.keys(parsed.data!.representatives.primary).sort()).toEqual(
      ["email", "firstName", "lastName", "phoneCountry", "phoneE164", "phoneNumber"].sort(),
    );
    const business = stepSchemaFor("business", SOLE_PROPRIETOR as ApplicationDraft);
    expect(errors(business.safeParse({ hasTaxId: "no" }))).toEqual({
      businessName: "Enter the name your customers know you by.",
    });
    // The Standard fields are not asked: their absence is no error.
    expect(business.safeParse({ hasTaxId: "no", businessName: "Jo", vertical: "RETAIL" }).success).toBe(true);
  });

  it("takes the vertical as Twilio does: optional, one of the 23 published values (walkthrough §2.3)", () => {
    const business = stepSchemaFor("business", SOLE_PROPRIETOR as ApplicationDraft);
    expect(SOLE_PROPRIETOR_VERTICALS).toHaveLength(23);
    for (const vertical of [undefined, ""]) {
      const parsed = business.safeParse({ hasTaxId: "no", businessName: "Jo", vertical });
      expect(parsed.success).toBe(true);
      expect((parsed.data as { vertical?: string }).vertical).toBeUndefined();
    }
    expect(errors(business.safeParse({ hasTaxId: "no", businessName: "Jo", vertical: "DOG_WALKING" }))).toEqual({
      vertical: "Choose the kind of work you do, or leave it empty.",
    });
    // Left empty, the trust product's sole_proprietor_information carries no vertical at all.
    const draft = { ...SOLE_PROPRIETOR, business: { ...SOLE_PROPRIETOR.business, vertical: "" } } as ApplicationDraft;
    const application = parseApplication(draft);
    expect(application.success).toBe(true);
    expect(soleProprietorAttributes(application.data as SoleProprietorApplication)).not.toHaveProperty("vertical");
  });

  it("may give a PO box as its address, which a Standard brand may not (walkthrough: 'It can be a PO Box')", () => {
    const address = { ...SOLE_PROPRIETOR.address, street: "PO Box 1234" };
    const soleProprietor = { ...SOLE_PROPRIETOR, address } as ApplicationDraft;
    expect(stepSchemaFor("address", soleProprietor).safeParse(address).success).toBe(true);
    expect(parseApplication(soleProprietor).success).toBe(true);
    const standard = stepSchemaFor("address", {} as ApplicationDraft).safeParse(address);
    expect(errors(standard)).toEqual({
      street: "PO boxes are not accepted: enter the street address where your business is located.",
    });
  });

  it("needs a US or Canadian mobile number and address", () => {
    const reps = stepSchemaFor("representatives", SOLE_PROPRIETOR as ApplicationDraft);
    const primary = SOLE_PROPRIETOR.representatives.primary;
    expect(errors(reps.safeParse({ primary: { ...primary, phoneCountry: "GB" } }))).toEqual({
      "primary.phoneCountry": "Sole proprietor brands need a US or Canadian mobile number.",
    });
    expect(errors(reps.safeParse({ primary: { ...primary, phoneNumber: "12" } }))).toEqual({
      "primary.phoneNumber": "Enter a mobile number that can receive text messages, like (415) 555-0100.",
    });
    const abroad = {
      ...SOLE_PROPRIETOR,
      address: { ...SOLE_PROPRIETOR.address, country: "GB", region: "London", postalCode: "SW1A 1AA" },
    };
    expect(Object.keys(errors(parseApplication(abroad as ApplicationDraft)))).toEqual(["address.country"]);
  });

  it("has nothing to choose on the company step, and its review lists only what is sent", () => {
    expect(stepStatus(SOLE_PROPRIETOR as ApplicationDraft, "company")).toBe("done");
    expect(stepStatus(SOLE_PROPRIETOR as ApplicationDraft, "business")).toBe("done");
    const labels = reviewSections(SOLE_PROPRIETOR as ApplicationDraft).flatMap((section) =>
      section.rows.map((row) => row.label),
    );
    expect(labels).toContain("Vertical");
    expect(labels).toContain("Mobile Phone Number");
    expect(labels).not.toContain("Business Registration Number");
  });

  it("becomes a SOLE_PROPRIETOR brand without secondary vetting", () => {
    const parsed = parseApplication(SOLE_PROPRIETOR as ApplicationDraft);
    if (!parsed.success || parsed.data.kind !== "sole-proprietor") throw new Error("not a sole proprietor");
    expect(brandRegistrationOptions(parsed.data)).toEqual({ brandType: "SOLE_PROPRIETOR" });
    expect(hasSecondaryVetting(parsed.data)).toBe(false);
    expect(soleProprietorAttributes(parsed.data)).toEqual({
      brand_name: "Jo's Dog Walking",
      vertical: "PROFESSIONAL",
      mobile_phone_number: "+14155550142",
    });
  });
});
