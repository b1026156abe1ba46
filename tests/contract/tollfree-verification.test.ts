import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN } from "@/sandbox/defaults";
import { verificationEditedEvent } from "@/sandbox/tollfree/events";

import { shapeOf } from "../support/documented-events";
import { OpenApiContract } from "../support/oai";
import { RecordingClient, startTestSandbox, type TestSandbox } from "../support/sandbox-harness";
import { haveOai } from "../support/seed-samples";

/**
 * #29 line 2: the sandbox's toll-free verification (TFV) model against Twilio's documents — every
 * answer conforms to the Messaging v1 OpenAPI; the required parameters and enumerations are
 * refused as Twilio refuses them; the state machine, rejection reasons with their codes, the seven
 * day edit window and the "Verification Edited" event are as sandbox/tollfree/ cites them.
 */
if (!haveOai && process.env.CI === "true")
  throw new Error("../shared/twilio-oai is missing: the contract tests cannot run.");
const suite = haveOai ? describe : describe.skip;

/** The documented example (twilio.com/docs/events/event-types/toll-free/verification), data only. */
const DOCUMENTED_EDIT_EVENT_DATA = {
  accountsid: "AC0000000000000000000000000000001",
  parentaccountsid: "AC0000000000000000000000000000002",
  tollfreeverificationsid: "HH0000000000000000000000000000001",
  phonenumbersid: "PN0000000000000000000000000000001",
  customerprofilesid: "BU0000000000000000000000000000001",
  regulateditemsid: "RA0000000000000000000000000000001",
  trustproductsid: "BU0000000000000000000000000000001",
  processeddate: 1756043494500,
  verificationstatus: "in_review",
};

suite("toll-free verification in the sandbox, as Twilio documents it", () => {
  let contract: OpenApiContract;
  let sandbox: TestSandbox;
  let recorder: RecordingClient;
  let client: ReturnType<typeof twilio>;
  beforeAll(async () => {
    contract = new OpenApiContract();
    sandbox = await startTestSandbox();
    recorder = new RecordingClient(sandbox.url);
    client = twilio(DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN, { httpClient: recorder });
  }, 60_000);
  afterAll(() => sandbox.close());

  async function tollFreeNumber(): Promise<string> {
    const [offer] = await client.availablePhoneNumbers("US").tollFree.list({ areaCode: 833, limit: 1 });
    expect(offer!.phoneNumber).toMatch(/^\+1833/);
    return (await client.incomingPhoneNumbers.create({ phoneNumber: offer!.phoneNumber })).sid;
  }

  const request = (numberSid: string, overrides: Record<string, unknown> = {}) => ({
    businessName: "Owl, Inc.",
    businessWebsite: "https://www.example.com",
    notificationEmail: "support@example.com",
    useCaseCategories: ["TWO_FACTOR_AUTHENTICATION", "MARKETING"],
    useCaseSummary: "One-time codes and offers for the customers of Owl, Inc. who opted in on our website.",
    productionMessageSample: "Owl, Inc.: your code is 123456. Reply STOP to opt out.",
    optInImageUrls: ["https://www.example.com/images/opt-in.jpg"],
    optInType: "WEB_FORM" as const,
    messageVolume: "1,000",
    tollfreePhoneNumberSid: numberSid,
    businessType: "PRIVATE_PROFIT" as const,
    businessRegistrationNumber: "123456789",
    businessRegistrationAuthority: "EIN" as const,
    businessRegistrationCountry: "US",
    externalReferenceId: `ref-${numberSid}`,
    ...overrides,
  });

  /** A create sent as form fields without the SDK (which refuses a missing required parameter itself). */
  async function rawCreate(body: Record<string, unknown>): Promise<number> {
    const form = new URLSearchParams();
    const names: Record<string, string> = { optInImageUrls: "OptInImageUrls", useCaseCategories: "UseCaseCategories" };
    for (const [key, value] of Object.entries(body)) {
      const name = names[key] ?? key[0]!.toUpperCase() + key.slice(1);
      for (const item of Array.isArray(value) ? value : [value])
        if (item !== undefined) form.append(name, String(item));
    }
    const response = await fetch(`${sandbox.url}/v1/Tollfree/Verifications`, {
      method: "POST",
      headers: {
        Authorization: `Basic ${Buffer.from(`${DEFAULT_ACCOUNT_SID}:${DEFAULT_AUTH_TOKEN}`).toString("base64")}`,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: form,
    });
    return response.status;
  }

  const statusOf = async (sid: string) => (await client.messaging.v1.tollfreeVerifications(sid).fetch()).status;

  it("refuses what Twilio's OpenAPI requires and enumerates, and what the 2026 policy requires", async () => {
    const numberSid = await tollFreeNumber();
    for (const missing of ["businessName", "useCaseSummary", "optInType", "messageVolume"]) {
      const body: Record<string, unknown> = request(numberSid);
      delete body[missing];
      expect(await rawCreate(body), missing).toBe(400);
    }
    for (const [key, value] of [
      ["useCaseCategories", ["NOT_A_CATEGORY"]],
      ["optInType", "EMAIL"],
      ["businessType", "CHARITY"],
      ["businessRegistrationAuthority", "SSN"],
      ["businessRegistrationNumber", ""],
    ] as const)
      await expect(
        client.messaging.v1.tollfreeVerifications.create(request(numberSid, { [key]: value }) as never),
        key,
      ).rejects.toMatchObject({ status: 400 });
    // A local number is not toll-free.
    const [local] = await client.availablePhoneNumbers("US").local.list({ areaCode: 415, limit: 1 });
    const localSid = (await client.incomingPhoneNumbers.create({ phoneNumber: local!.phoneNumber })).sid;
    await expect(client.messaging.v1.tollfreeVerifications.create(request(localSid))).rejects.toMatchObject({
      status: 400,
    });
    // A Sole Proprietor needs no registration number.
    const sole = await client.messaging.v1.tollfreeVerifications.create(
      request(numberSid, {
        businessType: "SOLE_PROPRIETOR",
        businessRegistrationNumber: undefined,
        businessRegistrationAuthority: undefined,
        businessRegistrationCountry: undefined,
      }),
    );
    expect(sole.status).toBe("PENDING_REVIEW");
  });

  it("goes PENDING_REVIEW → IN_REVIEW → TWILIO_APPROVED, listed by its number and reference", async () => {
    const numberSid = await tollFreeNumber();
    const created = await client.messaging.v1.tollfreeVerifications.create(request(numberSid));
    expect(created).toMatchObject({ status: "PENDING_REVIEW", tollfreePhoneNumberSid: numberSid });
    expect(created.sid).toMatch(/^HH[0-9a-f]{32}$/);
    sandbox.sandbox.advanceClock(sandbox.sandbox.delays.reviewSeconds);
    expect(await statusOf(created.sid)).toBe("IN_REVIEW");
    sandbox.sandbox.advanceClock(sandbox.sandbox.delays.approvalSeconds);
    expect(await statusOf(created.sid)).toBe("TWILIO_APPROVED");
    const byReference = await client.messaging.v1.tollfreeVerifications.list({
      externalReferenceId: `ref-${numberSid}`,
    });
    expect(byReference.map((v) => v.sid)).toEqual([created.sid]);
    const byNumber = await client.messaging.v1.tollfreeVerifications.list({ tollfreePhoneNumberSid: numberSid });
    expect(byNumber.map((v) => v.sid)).toEqual([created.sid]);
  });

  it("rejects with Twilio's codes, takes an edit within the window (202, the edit event) and not after it", async () => {
    const numberSid = await tollFreeNumber();
    const created = await client.messaging.v1.tollfreeVerifications.create(
      request(numberSid, { businessName: "Owl Reject, Inc.", businessRegistrationNumber: "000000000" }),
    );
    sandbox.sandbox.advanceResource(sandbox.sandbox.store.get(created.sid)!, "decide");
    const rejected = await client.messaging.v1.tollfreeVerifications(created.sid).fetch();
    expect(rejected).toMatchObject({
      status: "TWILIO_REJECTED",
      errorCode: 30484,
      rejectionReason: "Business name and official records do not match",
      editAllowed: true,
    });
    expect(rejected.rejectionReasons).toEqual([
      { code: 30484, reason: "Business name and official records do not match" },
      { code: 30527, reason: "Business Registration Number is missing or invalid" },
    ]);
    const window = Date.parse(String(rejected.editExpiration)) - sandbox.sandbox.now();
    expect(window).toBeGreaterThan(7 * 24 * 3600 * 1000 - 5000);
    expect(window).toBeLessThanOrEqual(7 * 24 * 3600 * 1000);

    const edited = await client.messaging.v1
      .tollfreeVerifications(created.sid)
      .update({ businessName: "Owl, Inc.", businessRegistrationNumber: "123456789", editReason: "Name fixed" });
    expect(edited).toMatchObject({ sid: created.sid, status: "PENDING_REVIEW", editAllowed: null, errorCode: null });
    const editExchange = recorder.exchanges.at(-1)!;
    expect(editExchange.status).toBe(202);
    sandbox.sandbox.advanceClock(sandbox.sandbox.delays.reviewSeconds);
    sandbox.sandbox.advanceClock(sandbox.sandbox.delays.approvalSeconds);
    expect(await statusOf(created.sid)).toBe("TWILIO_APPROVED");
    // Not rejected any more: no edit.
    await expect(
      client.messaging.v1.tollfreeVerifications(created.sid).update({ businessName: "Owl 2" }),
    ).rejects.toMatchObject({ status: 400 });

    // A second rejection, left past its seven days: the edit is refused, a new verification is needed.
    const late = await client.messaging.v1.tollfreeVerifications.create(
      request(await tollFreeNumber(), { businessName: "Owl Mismatch" }),
    );
    sandbox.sandbox.advanceResource(sandbox.sandbox.store.get(late.sid)!, "decide");
    sandbox.sandbox.advanceClock(8 * 24 * 3600);
    await expect(
      client.messaging.v1.tollfreeVerifications(late.sid).update({ businessName: "Owl, Inc." }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining("Edit time expired") });
    await client.messaging.v1.tollfreeVerifications(late.sid).remove();
    expect(recorder.exchanges.at(-1)!.status).toBe(204);
  });

  it("a disallowed use case is rejected with edits not allowed", async () => {
    const created = await client.messaging.v1.tollfreeVerifications.create(
      request(await tollFreeNumber(), { useCaseSummary: "Crypto trading alerts for our members who opted in online." }),
    );
    sandbox.sandbox.advanceResource(sandbox.sandbox.store.get(created.sid)!, "decide");
    const rejected = await client.messaging.v1.tollfreeVerifications(created.sid).fetch();
    expect(rejected).toMatchObject({ status: "TWILIO_REJECTED", errorCode: 30464, editAllowed: false });
    await expect(
      client.messaging.v1.tollfreeVerifications(created.sid).update({ useCaseSummary: "Alerts" }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it("the edit event carries exactly the documented keys and types", () => {
    const [verification] = sandbox.sandbox.store.list("TollfreeVerification", () => true);
    const event = verificationEditedEvent(verification!, undefined, sandbox.sandbox.now());
    expect(event.type).toBe("com.twilio.messaging.compliance.toll-free-verification.edit");
    expect(shapeOf(event.data)).toEqual(
      shapeOf({
        ...DOCUMENTED_EDIT_EVENT_DATA,
        customerprofilesid: null,
        regulateditemsid: null,
        trustproductsid: null,
      }),
    );
    expect(Object.keys(event.data).sort()).toEqual(Object.keys(DOCUMENTED_EDIT_EVENT_DATA).sort());
  });

  it("every answer conforms to the Messaging v1 and Api v2010 OpenAPI", () => {
    // The refusals are checked by status above; every answer given is checked here.
    expect(contract.problemsIn(recorder.exchanges.filter((exchange) => exchange.status < 400))).toEqual([]);
    const templates = contract.templatesOf(recorder.exchanges);
    for (const template of [
      "/v1/Tollfree/Verifications",
      "/v1/Tollfree/Verifications/{Sid}",
      "/2010-04-01/Accounts/{AccountSid}/AvailablePhoneNumbers/{CountryCode}/TollFree.json",
    ])
      expect(templates, template).toContain(template);
  });
});
