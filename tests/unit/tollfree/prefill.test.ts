import { describe, expect, it } from "vitest";

import { tollfreeDraftFromOnboarding } from "@/lib/tollfree/prefill";

describe("a new toll-free verification starts from the onboarding answers", () => {
  it("maps the business, address, representative and company type to Twilio's terms", () => {
    expect(
      tollfreeDraftFromOnboarding(
        {
          business: {
            businessName: "Acme, Inc.",
            websiteUrl: "https://acme.example",
            registrationIdType: "EIN",
            registrationNumber: "12-3456789",
          },
          address: { street: "1 Main St", city: "Springfield", region: "IL", postalCode: "62701", country: "US" },
          representatives: {
            primary: {
              firstName: "Alex",
              lastName: "Owner",
              email: "alex@acme.example",
              phoneCountry: "US",
              phoneNumber: "(415) 555-0100",
            },
          },
          company: { companyType: "non-profit" },
        },
        "isv@example.com",
      ),
    ).toEqual({
      businessName: "Acme, Inc.",
      businessWebsite: "https://acme.example",
      businessType: "NON_PROFIT",
      businessRegistrationAuthority: "EIN",
      businessRegistrationNumber: "12-3456789",
      businessRegistrationCountry: "US",
      businessStreetAddress: "1 Main St",
      businessCity: "Springfield",
      businessStateProvinceRegion: "IL",
      businessPostalCode: "62701",
      businessCountry: "US",
      businessContactFirstName: "Alex",
      businessContactLastName: "Owner",
      businessContactEmail: "alex@acme.example",
      businessContactPhone: "+14155550100",
      notificationEmail: "isv@example.com",
    });
  });

  it("a sole proprietor without a tax ID is SOLE_PROPRIETOR with no registration; an empty draft gives nothing", () => {
    const draft = tollfreeDraftFromOnboarding({ business: { hasTaxId: "no", registrationNumber: "999" } }, "");
    expect(draft).toEqual({ businessType: "SOLE_PROPRIETOR" });
    expect(tollfreeDraftFromOnboarding({}, "")).toEqual({});
  });
});
