import { describe, expect, it } from "vitest";

import { zodFieldErrors } from "@/lib/forms/zod-field-errors";
import { tollfreeDraftAsInput, type TollfreeDraft } from "@/lib/tollfree/draft-values";
import { tollfreeSchema } from "@/lib/tollfree/schema";

const COMPLETE: TollfreeDraft = {
  businessName: "Owl, Inc.",
  businessWebsite: "https://owl.example",
  businessType: "PRIVATE_PROFIT",
  businessRegistrationAuthority: "EIN",
  businessRegistrationNumber: "123456789",
  businessRegistrationCountry: "us",
  businessStreetAddress: "1 Main Street",
  businessCity: "Anytown",
  businessStateProvinceRegion: "CA",
  businessPostalCode: "94105",
  businessCountry: "US",
  businessContactFirstName: "Ada",
  businessContactLastName: "Owl",
  businessContactEmail: "ada@owl.example",
  businessContactPhone: "+14155550100",
  notificationEmail: "alerts@owl.example",
  useCaseCategories: ["TWO_FACTOR_AUTHENTICATION"],
  useCaseSummary: "One-time codes for customers of Owl who sign in to our website.",
  productionMessageSample: "Owl: your code is 123456.",
  messageVolume: "1,000",
  optInType: "WEB_FORM",
  optInImageUrls: "https://owl.example/a.png\nhttps://owl.example/b.png",
  optInKeywords: "start, yes",
};

const errorsOf = (draft: TollfreeDraft) => {
  const parsed = tollfreeSchema.safeParse(tollfreeDraftAsInput(draft));
  return parsed.success ? {} : zodFieldErrors(parsed.error);
};

describe("the toll-free verification schema (shared by the form and the actions)", () => {
  it("takes a complete verification, as Twilio's parameters", () => {
    const parsed = tollfreeSchema.parse(tollfreeDraftAsInput(COMPLETE));
    expect(parsed.optInImageUrls).toEqual(["https://owl.example/a.png", "https://owl.example/b.png"]);
    expect(parsed.optInKeywords).toEqual(["START", "YES"]);
    expect(parsed.businessRegistrationCountry).toBe("US");
  });

  it("requires what Twilio requires, each message on its field", () => {
    const errors = errorsOf({ ...COMPLETE, useCaseCategories: [], optInImageUrls: "", messageVolume: "" });
    expect(Object.keys(errors).sort()).toEqual(["messageVolume", "optInImageUrls", "useCaseCategories"]);
  });

  it("needs the registration number, authority and country, except for a sole proprietor", () => {
    const registered = errorsOf({
      ...COMPLETE,
      businessRegistrationAuthority: "",
      businessRegistrationNumber: "",
      businessRegistrationCountry: "",
    });
    expect(Object.keys(registered).sort()).toEqual([
      "businessRegistrationAuthority",
      "businessRegistrationCountry",
      "businessRegistrationNumber",
    ]);
    expect(
      errorsOf({
        ...COMPLETE,
        businessType: "SOLE_PROPRIETOR",
        businessRegistrationAuthority: "",
        businessRegistrationNumber: "",
        businessRegistrationCountry: "",
      }),
    ).toEqual({});
  });

  it("refuses values outside Twilio's enumerations and links that are not web addresses", () => {
    const errors = errorsOf({
      ...COMPLETE,
      optInType: "EMAIL",
      useCaseCategories: ["NOT_ONE"],
      optInImageUrls: "not a link",
      businessContactPhone: "415 555 0100",
    });
    expect(Object.keys(errors).sort()).toEqual([
      "businessContactPhone",
      "optInImageUrls",
      "optInType",
      "useCaseCategories.0",
    ]);
  });
});
