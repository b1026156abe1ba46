import { describe, expect, it } from "vitest";

import { applicationSchema } from "@/lib/onboarding/schema/application";
import {
  addressParams,
  brandRegistrationOptions,
  businessInformationAttributes,
  friendlyName,
  messagingProfileAttributes,
  parseFriendlyName,
  representativeAttributes,
} from "@/lib/trusthub/payloads";

import { ACME } from "../../support/acme";

const acme = applicationSchema.parse(ACME);

describe("application → Twilio payloads, against the seeds' examples", () => {
  it("business information: seed 000 step 1.2's attributes exactly", () => {
    expect(businessInformationAttributes(acme)).toEqual({
      business_name: "Acme, Inc.",
      social_media_profile_urls: "https://example.com/acme-social-media-profile",
      website_url: "https://www.example.com",
      business_regions_of_operation: "USA_AND_CANADA",
      business_type: "Partnership",
      business_registration_identifier: "EIN",
      business_identity: "direct_customer",
      business_industry: "EDUCATION",
      business_registration_number: "123456789",
    });
  });

  it("authorized representative: seed 000 step 1.4's attributes exactly", () => {
    expect(representativeAttributes(acme.representatives.primary)).toEqual({
      job_position: "CEO",
      last_name: "Doe",
      phone_number: "+12225557890",
      first_name: "Jane",
      email: "jdoe@example.com",
      business_title: "CEO",
    });
  });

  it("address: seed 000 step 1.6's parameters, with a friendly name that keeps the application marker", () => {
    const params = addressParams(acme, "cm3applicationid0000000000");
    expect(params).toMatchObject({
      city: "San Fransisco",
      customerName: "Acme, Inc.",
      isoCountry: "US",
      postalCode: "12345",
      region: "CA",
      street: "1234 Market St",
    });
    expect(params).not.toHaveProperty("streetSecondary");
    expect(params.friendlyName.length).toBeLessThanOrEqual(64);
    expect(parseFriendlyName(params.friendlyName)).toEqual({
      applicationId: "cm3applicationid0000000000",
      step: "address",
    });
  });

  it("messaging profile: seed 000 step 2.2 for a public company, no stock fields otherwise", () => {
    expect(messagingProfileAttributes(acme)).toEqual({
      company_type: "public",
      stock_exchange: "NYSE",
      stock_ticker: "ACME",
      brand_contact_email: "ir@acme.example",
    });
    const privateCompany = applicationSchema.parse({
      ...ACME,
      company: { ...ACME.company, companyType: "private", brandContactEmail: "" },
    });
    expect(messagingProfileAttributes(privateCompany)).toEqual({ company_type: "private" });
  });

  it("brand: STANDARD, and Low-Volume Standard skips automatic secondary vetting", () => {
    expect(brandRegistrationOptions(acme)).toEqual({ brandType: "STANDARD", skipAutomaticSecVet: false });
    const lowVolume = applicationSchema.parse({
      ...ACME,
      company: { ...ACME.company, brandType: "LOW_VOLUME_STANDARD" },
    });
    expect(brandRegistrationOptions(lowVolume)).toEqual({ brandType: "STANDARD", skipAutomaticSecVet: true });
  });

  it("friendly names read like the seeds' and carry the application and step", () => {
    const name = friendlyName(acme, "app123", "customer-profile");
    expect(name).toBe("Acme, Inc. Secondary Customer Profile [app:app123:customer-profile]");
    expect(parseFriendlyName(name)).toEqual({ applicationId: "app123", step: "customer-profile" });
    expect(parseFriendlyName("Acme, Inc. Secondary Customer Profile")).toBeNull();
    expect(parseFriendlyName("x [app:a1:not-a-step]")).toBeNull();
  });
});
