import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildSecondaryProfile, buildTrustProduct, evaluateProfile } from "../support/sandbox-flows";
import { startTestSandbox, type TestSandbox } from "../support/sandbox-harness";

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

type Result = {
  requirement_name: string;
  passed: boolean;
  error_code: number | null;
  failure_reason: string | null;
  invalid: { object_field: string; error_code: number; failure_reason: string }[];
};
const results = (evaluation: { results: unknown[] }) => evaluation.results as Result[];
const requirement = (evaluation: { results: unknown[] }, name: string) =>
  results(evaluation).find((result) => result.requirement_name === name)!;

describe("evaluations computed from what is assigned", () => {
  it("a complete secondary profile is compliant, every requirement passed", async () => {
    const profile = await buildSecondaryProfile(sandbox.client());
    const evaluation = await evaluateProfile(sandbox.client(), profile.sid);
    expect(evaluation.status).toBe("compliant");
    expect(evaluation.sid).toMatch(/^EL[0-9a-f]{32}$/);
    expect(results(evaluation).map((result) => [result.requirement_name, result.passed])).toEqual([
      ["customer_profile_business_information", true],
      ["authorized_representative_1", true],
      ["customer_profile_address", true],
      ["primary_customer_profile", true],
    ]);
    // Kept and listed like Twilio's.
    const listed = await sandbox.client().trusthub.v1.customerProfiles(profile.sid).customerProfilesEvaluations.list();
    expect(listed.map((e) => e.sid)).toEqual([evaluation.sid]);
  });

  it("a missing business end user: 22214, with each required field listed as missing (22215)", async () => {
    const profile = await buildSecondaryProfile(sandbox.client(), { skip: ["business"] });
    const evaluation = await evaluateProfile(sandbox.client(), profile.sid);
    expect(evaluation.status).toBe("noncompliant");
    const business = requirement(evaluation, "customer_profile_business_information");
    expect(business).toMatchObject({
      passed: false,
      error_code: 22214,
      failure_reason: "A Business Information End-User is missing. Please add one to the regulatory bundle.",
    });
    expect(business.invalid.map((field) => field.object_field)).toContain("business_name");
    expect(business.invalid.every((field) => field.error_code === 22215)).toBe(true);
  });

  it("a missing field and a registration number that is not an EIN are reported on their fields", async () => {
    const profile = await buildSecondaryProfile(sandbox.client(), {
      business: { website_url: "", business_registration_number: "12-34" },
    });
    const business = requirement(
      await evaluateProfile(sandbox.client(), profile.sid),
      "customer_profile_business_information",
    );
    expect(business.passed).toBe(false);
    expect(business.invalid).toEqual([
      expect.objectContaining({
        object_field: "business_registration_number",
        error_code: 22217,
        failure_reason: expect.stringContaining("not a valid EIN"),
      }),
      expect.objectContaining({
        object_field: "website_url",
        error_code: 22215,
        failure_reason: "The Website URL is missing. Please enter in a Website URL on the Business Information.",
      }),
    ]);
  });

  it("CCN is refused for A2P: use CBN", async () => {
    const profile = await buildSecondaryProfile(sandbox.client(), {
      business: { business_registration_identifier: "CCN" },
    });
    const business = requirement(
      await evaluateProfile(sandbox.client(), profile.sid),
      "customer_profile_business_information",
    );
    expect(business.invalid).toEqual([
      expect.objectContaining({
        object_field: "business_registration_identifier",
        failure_reason: expect.stringContaining("CBN"),
      }),
    ]);
  });

  it("a missing supporting document (22216) and a PO box address (22219)", async () => {
    const withoutAddress = await buildSecondaryProfile(sandbox.client(), { skip: ["address"] });
    expect(
      requirement(await evaluateProfile(sandbox.client(), withoutAddress.sid), "customer_profile_address"),
    ).toMatchObject({ passed: false, error_code: 22216 });
    const poBox = await buildSecondaryProfile(sandbox.client(), { street: "P.O. Box 42" });
    const address = requirement(await evaluateProfile(sandbox.client(), poBox.sid), "customer_profile_address");
    expect(address.passed).toBe(false);
    expect(address.invalid).toEqual([
      expect.objectContaining({
        object_field: "address_sids",
        error_code: 22219,
        failure_reason: expect.stringContaining("PO Box"),
      }),
    ]);
  });

  it("representative names that do not match (trigger: a last name containing 'Mismatch')", async () => {
    const profile = await buildSecondaryProfile(sandbox.client(), { representative: { last_name: "Mismatch" } });
    const representative = requirement(
      await evaluateProfile(sandbox.client(), profile.sid),
      "authorized_representative_1",
    );
    expect(representative.passed).toBe(false);
    expect(representative.invalid.map((field) => [field.object_field, field.error_code])).toEqual([
      ["first_name", 22217],
      ["last_name", 22217],
    ]);
  });

  it("without the ISV's primary profile the secondary profile is noncompliant", async () => {
    const profile = await buildSecondaryProfile(sandbox.client(), { skip: ["primary"] });
    expect(requirement(await evaluateProfile(sandbox.client(), profile.sid), "primary_customer_profile")).toMatchObject(
      { passed: false, error_code: 22214 },
    );
  });

  it("A2P trust product: stock fields and brand contact email required only for public companies", async () => {
    const client = sandbox.client();
    const profile = await buildSecondaryProfile(client);
    const evaluate = (sid: string) =>
      client.trusthub.v1
        .trustProducts(sid)
        .trustProductsEvaluations.create({ policySid: "RNb0d4771c2c98518d916a3d4cd70a8f8b" });
    const privateCompany = await buildTrustProduct(client, profile.sid, { company_type: "private" });
    expect((await evaluate(privateCompany.sid)).status).toBe("compliant");
    const publicCompany = await buildTrustProduct(client, profile.sid, { company_type: "public" });
    const evaluation = await evaluate(publicCompany.sid);
    expect(evaluation.status).toBe("noncompliant");
    expect(
      requirement(evaluation, "us_a2p_messaging_profile_information").invalid.map((field) => field.object_field),
    ).toEqual(["stock_exchange", "stock_ticker", "brand_contact_email"]);
    const listed = await buildTrustProduct(client, profile.sid, {
      company_type: "public",
      stock_exchange: "NASDAQ",
      stock_ticker: "ACME",
      brand_contact_email: "ir@acme.example",
    });
    expect((await evaluate(listed.sid)).status).toBe("compliant");
  });

  it("updating an end user changes the next evaluation (the fix-and-resubmit path)", async () => {
    const client = sandbox.client();
    const profile = await buildSecondaryProfile(client, { business: { website_url: "" } });
    expect((await evaluateProfile(client, profile.sid)).status).toBe("noncompliant");
    const assignments = await client.trusthub.v1.customerProfiles(profile.sid).customerProfilesEntityAssignments.list();
    const endUsers = await Promise.all(
      assignments
        .filter((a) => a.objectSid.startsWith("IT"))
        .map((a) => client.trusthub.v1.endUsers(a.objectSid).fetch()),
    );
    const business = endUsers.find((user) => user.type === "customer_profile_business_information")!;
    await client.trusthub.v1
      .endUsers(business.sid)
      .update({ attributes: { ...business.attributes, website_url: "https://acme.example" } });
    expect((await evaluateProfile(client, profile.sid)).status).toBe("compliant");
  });
});
