import { describe, expect, it } from "vitest";
import type { z } from "zod";

import { addressSchema } from "@/lib/onboarding/schema/address";
import { applicationSchema, stepSchemas } from "@/lib/onboarding/schema/application";
import { businessSchema } from "@/lib/onboarding/schema/business";
import { companySchema } from "@/lib/onboarding/schema/company";
import { CA_PROVINCES, COUNTRY_CODES, US_STATES } from "@/lib/onboarding/schema/geo";
import {
  BUSINESS_IDENTITIES,
  BUSINESS_INDUSTRIES,
  BUSINESS_TYPES,
  JOB_POSITIONS,
  REGION_VALUES,
  STOCK_EXCHANGES,
} from "@/lib/onboarding/schema/options";
import { representativesSchema } from "@/lib/onboarding/schema/representatives";
import { normalizeWebUrl } from "@/lib/onboarding/schema/web-url";

import { ACME } from "../../support/acme";

/** Field path → first message, for a failed parse; {} when it passes. */
function errors(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const issue of result.error.issues) out[issue.path.join(".")] ??= issue.message;
  return out;
}

const business = (changes: Record<string, unknown>) => ({ ...ACME.business, ...changes });
const rep = (changes: Record<string, unknown>) => ({
  ...ACME.representatives,
  primary: { ...ACME.representatives.primary, ...changes },
});
const address = (changes: Record<string, unknown>) => ({ ...ACME.address, ...changes });
const company = (changes: Record<string, unknown>) => ({ ...ACME.company, ...changes });

describe("the seeds' Acme, Inc. passes every step and the whole application", () => {
  it("parses", () => {
    for (const [step, schema] of Object.entries(stepSchemas))
      expect(errors(schema, ACME[step as keyof typeof ACME]), step).toEqual({});
    expect(errors(applicationSchema, ACME)).toEqual({});
  });
});

describe("business information", () => {
  it("business name is required and at most 255 characters", () => {
    expect(errors(businessSchema, business({ businessName: " " }))).toEqual({
      businessName: "Enter your business's legal name.",
    });
    expect(errors(businessSchema, business({ businessName: "x".repeat(256) }))).toEqual({
      businessName: "Use at most 255 characters.",
    });
    expect(errors(businessSchema, business({ businessName: "x".repeat(255) }))).toEqual({});
  });

  it.each([
    ["businessIdentity", BUSINESS_IDENTITIES.map((identity) => identity.value)],
    ["businessType", [...BUSINESS_TYPES]],
    ["businessIndustry", [...BUSINESS_INDUSTRIES]],
  ])("%s accepts exactly Twilio's values", (field, values) => {
    for (const value of values) expect(errors(businessSchema, business({ [field]: value })), value).toEqual({});
    expect(Object.keys(errors(businessSchema, business({ [field]: "SOMETHING_ELSE" })))).toEqual([field]);
  });

  it("31 industries, 6 business types, 3 identities", () => {
    expect([BUSINESS_INDUSTRIES.length, BUSINESS_TYPES.length, BUSINESS_IDENTITIES.length]).toEqual([31, 6, 3]);
  });

  it("EIN accepts 12-3456789 or 123456789 and is stored as 9 digits", () => {
    expect(businessSchema.parse(business({ registrationNumber: "12-3456789" })).registrationNumber).toBe("123456789");
    expect(businessSchema.parse(business({ registrationNumber: "123456789" })).registrationNumber).toBe("123456789");
    for (const bad of ["12345678", "1234567890", "12-34567a9", "123-456789"]) {
      expect(errors(businessSchema, business({ registrationNumber: bad })), bad).toEqual({
        registrationNumber: "An EIN has 9 digits, like 12-3456789.",
      });
    }
  });

  it.each([
    ["DUNS", "12-345-6789", "123456789", "12-345-678"],
    ["CBN", "123456789", "123456789", "12345678"],
    ["ACN", "123 456 789", "123456789", "123 456 78"],
    ["CIN", "l12345mh2000plc123456", "L12345MH2000PLC123456", "L12345"],
    ["CN", "sc123456", "SC123456", "123"],
    ["VAT", "EE123456789", "EE123456789", "EE12"],
    ["VATRN", "RO1234567", "RO1234567", "ROX"],
    ["RN", "512345678", "512345678", "5123"],
  ])("%s numbers are checked and stored in their form", (type, typed, stored, bad) => {
    expect(
      businessSchema.parse(business({ registrationIdType: type, registrationNumber: typed })).registrationNumber,
    ).toBe(stored);
    expect(
      Object.keys(errors(businessSchema, business({ registrationIdType: type, registrationNumber: bad }))),
    ).toEqual(["registrationNumber"]);
  });

  it("Other needs the name of the registration type; CCN is refused with the reason", () => {
    expect(errors(businessSchema, business({ registrationIdType: "Other", registrationNumber: "ABC-1" }))).toEqual({
      registrationIdTypeOther: "Enter the name of the registration type.",
    });
    expect(
      errors(
        businessSchema,
        business({ registrationIdType: "Other", registrationIdTypeOther: "Tax ID", registrationNumber: "ABC-1" }),
      ),
    ).toEqual({});
    expect(errors(businessSchema, business({ registrationIdType: "CCN", registrationNumber: "123456789" }))).toEqual({
      registrationIdType:
        "The Canadian Corporation Number (CCN) is no longer accepted for A2P messaging: use your Canadian Business Number (CBN).",
    });
  });

  it("regions: one or more of Twilio's six", () => {
    expect(errors(businessSchema, business({ regions: [...REGION_VALUES] }))).toEqual({});
    expect(errors(businessSchema, business({ regions: [] }))).toEqual({
      regions: "Choose at least one region where you do business.",
    });
    expect(Object.keys(errors(businessSchema, business({ regions: ["MARS"] })))).toEqual(["regions.0"]);
  });

  it("website is required and normalised to https://; social profiles optional and several", () => {
    expect(businessSchema.parse(business({ websiteUrl: "www.example.com" })).websiteUrl).toBe(
      "https://www.example.com",
    );
    expect(businessSchema.parse(business({ websiteUrl: "http://example.com/about" })).websiteUrl).toBe(
      "https://example.com/about",
    );
    expect(errors(businessSchema, business({ websiteUrl: "" }))).toEqual({ websiteUrl: "Enter your website address." });
    expect(errors(businessSchema, business({ websiteUrl: "not a site" }))).toEqual({
      websiteUrl: "Enter a website address like www.example.com.",
    });
    expect(
      businessSchema.parse(business({ socialMediaUrls: ["linkedin.com/company/acme", "", "https://x.com/acme"] }))
        .socialMediaUrls,
    ).toEqual(["https://linkedin.com/company/acme", "https://x.com/acme"]);
    expect(Object.keys(errors(businessSchema, business({ socialMediaUrls: ["nope"] })))).toEqual(["socialMediaUrls.0"]);
    expect(normalizeWebUrl("ftp://example.com")).toBeNull();
  });
});

describe("authorized representatives", () => {
  it("names (≤ 100), email, title and a job position from Twilio's list are required", () => {
    expect(
      errors(
        representativesSchema,
        rep({ firstName: "", lastName: "x".repeat(101), email: "jane", businessTitle: "", jobPosition: "Boss" }),
      ),
    ).toEqual({
      "primary.firstName": "Enter the first name.",
      "primary.lastName": "Use at most 100 characters.",
      "primary.email": "Enter an email address like name@company.com.",
      "primary.businessTitle": "Enter their title, such as Head of Operations.",
      "primary.jobPosition": "Choose a job position.",
    });
    for (const position of JOB_POSITIONS)
      expect(errors(representativesSchema, rep({ jobPosition: position }))).toEqual({});
  });

  it("the phone number is stored as E.164 from its country and national number", () => {
    expect(
      representativesSchema.parse(rep({ phoneCountry: "US", phoneNumber: "(415) 555-0100" })).primary.phoneE164,
    ).toBe("+14155550100");
    expect(
      representativesSchema.parse(rep({ phoneCountry: "GB", phoneNumber: "020 7946 0958" })).primary.phoneE164,
    ).toBe("+442079460958");
    expect(errors(representativesSchema, rep({ phoneNumber: "12345" }))).toEqual({
      "primary.phoneNumber": "Enter a phone number that can be dialled in the chosen country, like (415) 555-0100.",
    });
  });

  it("representative 2 is optional; once added, its fields are required", () => {
    expect(
      representativesSchema.parse({ ...ACME.representatives, hasSecondary: false, secondary: { firstName: "" } })
        .secondary,
    ).toBeNull();
    expect(
      Object.keys(
        errors(representativesSchema, { ...ACME.representatives, hasSecondary: true, secondary: { firstName: "Sam" } }),
      ),
    ).toEqual(
      expect.arrayContaining([
        "secondary.lastName",
        "secondary.email",
        "secondary.phoneNumber",
        "secondary.jobPosition",
      ]),
    );
    const both = representativesSchema.parse({
      ...ACME.representatives,
      hasSecondary: true,
      secondary: { ...ACME.representatives.primary, firstName: "Sam", email: "sam@example.com" },
    });
    expect(both.secondary?.firstName).toBe("Sam");
  });
});

describe("address", () => {
  it("street, city, region, postal code and country are required", () => {
    expect(errors(addressSchema, { country: "US" })).toMatchObject({
      customerName: expect.any(String),
      street: expect.any(String),
      city: expect.any(String),
      region: expect.any(String),
      postalCode: expect.any(String),
    });
  });

  it("PO boxes are refused in either street line", () => {
    const message = "PO boxes are not accepted: enter the street address where your business is located.";
    for (const street of ["PO Box 12", "P.O. Box 12", "po box 7", "Post Office Box 3"])
      expect(errors(addressSchema, address({ street })), street).toEqual({ street: message });
    expect(errors(addressSchema, address({ streetSecondary: "P.O. BOX 9" }))).toEqual({ streetSecondary: message });
    expect(errors(addressSchema, address({ street: "12 Boxwood Lane" }))).toEqual({});
  });

  it("US states and Canadian provinces come from their lists; other countries type the region", () => {
    expect(US_STATES.length).toBeGreaterThanOrEqual(51);
    expect(CA_PROVINCES).toHaveLength(13);
    expect(errors(addressSchema, address({ region: "California" }))).toEqual({ region: "Choose a state." });
    expect(errors(addressSchema, address({ country: "CA", region: "ON", postalCode: "K1A 0B1" }))).toEqual({});
    expect(errors(addressSchema, address({ country: "CA", region: "CA", postalCode: "K1A 0B1" }))).toEqual({
      region: "Choose a province or territory.",
    });
    expect(errors(addressSchema, address({ country: "FR", region: "Île-de-France", postalCode: "75001" }))).toEqual({});
  });

  it("postal codes are checked per country", () => {
    expect(errors(addressSchema, address({ postalCode: "1234" }))).toEqual({
      postalCode: "Enter a postal code like 94105 or 94105-1234.",
    });
    expect(errors(addressSchema, address({ postalCode: "94105-1234" }))).toEqual({});
    expect(addressSchema.parse(address({ country: "CA", region: "ON", postalCode: "k1a 0b1" })).postalCode).toBe(
      "K1A 0B1",
    );
    expect(errors(addressSchema, address({ country: "GB", region: "London", postalCode: "SW1A 1AA" }))).toEqual({});
    expect(errors(addressSchema, address({ country: "GB", region: "London", postalCode: "12345" }))).toEqual({
      postalCode: "Enter a postal code like SW1A 1AA.",
    });
  });

  it("the country is an ISO 3166 code", () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(errors(addressSchema, address({ country: "XX" }))).toEqual({ country: "Choose a country." });
  });
});

describe("company type", () => {
  it("stock exchange, ticker and brand contact email are required for public companies only", () => {
    expect(errors(companySchema, company({ stockExchange: "", stockTicker: "", brandContactEmail: "" }))).toEqual({
      stockExchange: "Choose the stock exchange your shares trade on.",
      stockTicker: "Enter your stock ticker, like ACME.",
      brandContactEmail: "Enter the email address that will confirm your brand (a verification email is sent there).",
    });
    expect(
      companySchema.parse(
        company({ companyType: "private", stockExchange: "NYSE", stockTicker: "ACME", brandContactEmail: "" }),
      ),
    ).toMatchObject({ stockExchange: "", stockTicker: "" });
    for (const type of ["private", "non-profit", "government"])
      expect(
        errors(
          companySchema,
          company({ companyType: type, stockExchange: "", stockTicker: "", brandContactEmail: "" }),
        ),
        type,
      ).toEqual({});
  });

  it("Twilio's exchanges are accepted (NONE is not an exchange for a public company)", () => {
    expect(STOCK_EXCHANGES).toHaveLength(25);
    for (const exchange of STOCK_EXCHANGES.filter((e) => e !== "NONE"))
      expect(errors(companySchema, company({ stockExchange: exchange })), exchange).toEqual({});
    expect(Object.keys(errors(companySchema, company({ stockExchange: "NONE" })))).toEqual(["stockExchange"]);
    expect(companySchema.parse(company({ stockTicker: "acme" })).stockTicker).toBe("ACME");
  });

  it("brand type is Standard or Low-Volume Standard; company type from Twilio's four", () => {
    expect(errors(companySchema, company({ brandType: "LOW_VOLUME_STANDARD" }))).toEqual({});
    expect(errors(companySchema, company({ brandType: "SOLE_PROPRIETOR" }))).toEqual({
      brandType: "Choose a brand type.",
    });
    expect(errors(companySchema, company({ companyType: "llc" }))).toEqual({
      companyType: "Choose your company type.",
    });
  });
});

describe("rules across steps", () => {
  it("non-profit company type and the NOT_FOR_PROFIT industry go together", () => {
    const nonProfit = { ...ACME, company: company({ companyType: "non-profit", stockExchange: "", stockTicker: "" }) };
    expect(errors(applicationSchema, nonProfit)).toEqual({
      "business.businessIndustry": "Non-profit organizations use the industry “Not for profit”.",
    });
    expect(
      errors(applicationSchema, { ...nonProfit, business: business({ businessIndustry: "NOT_FOR_PROFIT" }) }),
    ).toEqual({});
    expect(
      Object.keys(errors(applicationSchema, { ...ACME, business: business({ businessIndustry: "NOT_FOR_PROFIT" }) })),
    ).toEqual(["company.companyType"]);
  });

  it("government company type and the GOVERNMENT industry go together", () => {
    const government = { ...ACME, company: company({ companyType: "government" }) };
    expect(Object.keys(errors(applicationSchema, government))).toEqual(["business.businessIndustry"]);
    expect(
      errors(applicationSchema, { ...government, business: business({ businessIndustry: "GOVERNMENT" }) }),
    ).toEqual({});
    expect(
      Object.keys(errors(applicationSchema, { ...ACME, business: business({ businessIndustry: "GOVERNMENT" }) })),
    ).toEqual(["company.companyType"]);
  });
});

describe("Authentication+ brand contact email", () => {
  const publicCompany = (brandContactEmail: string) => ({
    companyType: "public",
    stockExchange: "NYSE",
    stockTicker: "ACME",
    brandContactEmail,
    brandType: "STANDARD",
  });
  it("refuses free-mail providers for a public company, next to the field, and accepts the company's own domain", () => {
    for (const email of ["ir@gmail.com", "IR@Yahoo.co.uk", "investors@outlook.com", "x@proton.me"]) {
      const result = companySchema.safeParse(publicCompany(email));
      expect(result.success, email).toBe(false);
      expect(result.error!.issues[0]!.path).toEqual(["brandContactEmail"]);
      expect(result.error!.issues[0]!.message).toMatch(/company's own domain/);
    }
    expect(companySchema.safeParse(publicCompany("ir@acme.example")).success).toBe(true);
    expect(companySchema.safeParse(publicCompany("ir@gmailer.com")).success).toBe(true);
  });
  it("leaves private companies' contact address alone (Authentication+ applies to public companies)", () => {
    expect(companySchema.safeParse({ ...publicCompany("owner@gmail.com"), companyType: "private" }).success).toBe(true);
  });
});
