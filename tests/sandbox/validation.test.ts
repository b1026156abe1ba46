import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN } from "@/sandbox/defaults";
import { ENUMS } from "@/sandbox/trusthub/attributes";

import { BUSINESS, REPRESENTATIVE } from "../support/sandbox-flows";
import { startTestSandbox, type TestSandbox } from "../support/sandbox-harness";

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

type TwilioFailure = { status: number; code: number; message: string };
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: TwilioFailure) => ({ status: error.status, code: error.code, message: error.message }),
  );
const endUser = (type: string, attributes: Record<string, unknown>) =>
  sandbox.client().trusthub.v1.endUsers.create({ friendlyName: "x", type, attributes });

describe("request validation, as Twilio answers it", () => {
  it("missing required parameters are named (sent raw: the SDK would refuse to send them)", async () => {
    const post = async (path: string, form: Record<string, string>) => {
      const response = await fetch(`${sandbox.url}${path}`, {
        method: "POST",
        headers: {
          Authorization: `Basic ${Buffer.from(`${DEFAULT_ACCOUNT_SID}:${DEFAULT_AUTH_TOKEN}`).toString("base64")}`,
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams(form),
      });
      return { status: response.status, body: await response.json() };
    };
    expect(
      await post("/v1/CustomerProfiles", { Email: "a@b.co", PolicySid: "RNdfbf3fae0e1107f8aded0e7cead80bf5" }),
    ).toEqual({
      status: 400,
      body: {
        code: 20001,
        message: "Missing required parameter FriendlyName in the post body",
        more_info: "https://www.twilio.com/docs/errors/20001",
        status: 400,
      },
    });
    expect(
      (
        await post(`/2010-04-01/Accounts/${DEFAULT_ACCOUNT_SID}/Addresses.json`, {
          CustomerName: "x",
          Street: "1 Main",
          City: "c",
          Region: "r",
          IsoCountry: "US",
        })
      ).body.message,
    ).toBe("Missing required parameter PostalCode in the post body");
    expect((await post("/v1/Services", {})).body.message).toBe(
      "Missing required parameter FriendlyName in the post body",
    );
    expect((await post("/v1/EndUsers", { FriendlyName: "x" })).body.message).toBe(
      "Missing required parameter Type in the post body",
    );
  });

  it("SIDs must match their pattern, and policies must exist", async () => {
    const client = sandbox.client();
    expect(
      await failure(
        client.trusthub.v1.customerProfiles.create({ friendlyName: "x", email: "a@b.co", policySid: "RN123" }),
      ),
    ).toMatchObject({ status: 400, message: expect.stringContaining("PolicySid") });
    expect(
      await failure(
        client.trusthub.v1.customerProfiles.create({
          friendlyName: "x",
          email: "a@b.co",
          policySid: "RN00000000000000000000000000000000",
        }),
      ),
    ).toMatchObject({ status: 400, code: 20001 });
    expect(
      await failure(
        client.messaging.v1.brandRegistrations.create({ customerProfileBundleSid: "BU1", a2PProfileBundleSid: "BU2" }),
      ),
    ).toMatchObject({ status: 400, message: expect.stringContaining("CustomerProfileBundleSid") });
  });

  it("StatusCallback must be a URL", async () => {
    expect(
      await failure(
        sandbox.client().trusthub.v1.customerProfiles.create({
          friendlyName: "x",
          email: "a@b.co",
          policySid: "RNdfbf3fae0e1107f8aded0e7cead80bf5",
          statusCallback: "not a url",
        }),
      ),
    ).toMatchObject({
      status: 400,
      message: expect.stringContaining("StatusCallback"),
    });
  });

  it("EndUser types are Twilio's", async () => {
    expect(await failure(endUser("individual_business", {}))).toMatchObject({
      status: 400,
      message: expect.stringContaining("Invalid parameter Type"),
    });
  });

  for (const [attribute, values] of Object.entries(ENUMS)) {
    it(`${attribute}: every accepted value passes, anything else is refused`, async () => {
      const type = ["job_position"].includes(attribute)
        ? "authorized_representative_1"
        : ["company_type", "stock_exchange"].includes(attribute)
          ? "us_a2p_messaging_profile_information"
          : "customer_profile_business_information";
      for (const value of values)
        expect((await endUser(type, { [attribute]: value })).attributes).toMatchObject({ [attribute]: value });
      expect(await failure(endUser(type, { [attribute]: "NOT_A_VALUE" }))).toMatchObject({
        status: 400,
        code: 20001,
        message: expect.stringContaining(`Attributes.${attribute}`),
      });
    });
  }

  it("regions of operation may list several values", async () => {
    expect(
      (
        await endUser("customer_profile_business_information", {
          business_regions_of_operation: "USA_AND_CANADA,EUROPE",
        })
      ).attributes,
    ).toMatchObject({ business_regions_of_operation: "USA_AND_CANADA,EUROPE" });
    expect(
      await failure(
        endUser("customer_profile_business_information", { business_regions_of_operation: "USA_AND_CANADA,MARS" }),
      ),
    ).toMatchObject({ message: expect.stringContaining("'MARS'") });
  });

  it("phone numbers must be E.164, emails and URLs well formed", async () => {
    expect((await endUser("authorized_representative_1", REPRESENTATIVE)).attributes).toEqual(REPRESENTATIVE);
    expect(await failure(endUser("authorized_representative_1", { phone_number: "501-712-2661" }))).toMatchObject({
      message: expect.stringContaining("E.164"),
    });
    expect(await failure(endUser("authorized_representative_1", { email: "alex at acme" }))).toMatchObject({
      message: expect.stringContaining("Attributes.email"),
    });
    expect(
      await failure(endUser("us_a2p_messaging_profile_information", { brand_contact_email: "nope" })),
    ).toMatchObject({ message: expect.stringContaining("brand_contact_email") });
    expect(await failure(endUser("customer_profile_business_information", { website_url: "not a url" }))).toMatchObject(
      { message: expect.stringContaining("website_url") },
    );
    expect(
      await failure(
        endUser("customer_profile_business_information", { social_media_profile_urls: "https://ok.example, bad url" }),
      ),
    ).toMatchObject({ message: expect.stringContaining("social_media_profile_urls") });
    expect((await endUser("customer_profile_business_information", BUSINESS)).attributes).toEqual(BUSINESS);
  });

  it("Attributes must be a JSON object; supporting documents name Address SIDs", async () => {
    const client = sandbox.client();
    expect(
      await failure(
        client.trusthub.v1.supportingDocuments.create({
          friendlyName: "x",
          type: "customer_profile_address",
          attributes: { address_sids: "nope" },
        }),
      ),
    ).toMatchObject({ message: expect.stringContaining("address_sids") });
    expect(
      await failure(
        client.trusthub.v1.supportingDocuments.create({ friendlyName: "x", type: "passport", attributes: {} }),
      ),
    ).toMatchObject({ message: expect.stringContaining("Type") });
  });

  it("addresses need an ISO country code; a PO box is accepted here and refused by the evaluation", async () => {
    const client = sandbox.client();
    expect(
      await failure(
        client.addresses.create({
          customerName: "x",
          street: "1 Main",
          city: "c",
          region: "r",
          postalCode: "1",
          isoCountry: "USA",
        }),
      ),
    ).toMatchObject({ message: expect.stringContaining("IsoCountry") });
    const poBox = await client.addresses.create({
      customerName: "x",
      street: "PO Box 123",
      city: "c",
      region: "r",
      postalCode: "1",
      isoCountry: "US",
    });
    expect(poBox.sid).toMatch(/^AD[0-9a-f]{32}$/);
    const updated = await client.addresses(poBox.sid).update({ street: "2 Elm Street" });
    expect(updated.street).toBe("2 Elm Street");
  });
});
