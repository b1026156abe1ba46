import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN } from "@/sandbox/defaults";

import { errorShapeProblems, OpenApiContract } from "../support/oai";
import { submittedBrand } from "../support/sandbox-flows";
import { RecordingClient, startTestSandbox, type TestSandbox } from "../support/sandbox-harness";
import { haveOai } from "../support/seed-samples";

/**
 * Twilio's rules as issue #11 checks them, through the real SDK: a subaccount's Trust Hub refuses
 * the parent's token; campaigns that break Twilio's length and sample rules are refused with 400 and
 * Twilio's error shape; a valid campaign on an approved brand is created; the brand update answers
 * 202; Event Streams sinks and subscriptions answer per Twilio's OpenAPI.
 */
if (!haveOai && process.env.CI === "true")
  throw new Error("../shared/twilio-oai is missing: the contract tests cannot run.");
const suite = haveOai ? describe : describe.skip;

suite("Twilio's rules, answered as Twilio's OpenAPI describes", () => {
  let contract: OpenApiContract;
  let sandbox: TestSandbox;
  let recorder: RecordingClient;
  beforeAll(async () => {
    contract = new OpenApiContract();
    sandbox = await startTestSandbox();
    recorder = new RecordingClient(sandbox.url, (o) => o, true);
  });
  afterAll(() => sandbox.close());

  const last = () => recorder.exchanges.at(-1)!;
  const conforms = () => {
    const exchange = last();
    expect(
      contract.check(exchange.url.host, exchange.method, exchange.url.pathname, exchange.status, exchange.body),
    ).toEqual([]);
  };
  const refused = async (call: Promise<unknown>, status: number, code: number) => {
    await call.catch(() => undefined);
    const exchange = last();
    expect(exchange.status).toBe(status);
    expect(errorShapeProblems(exchange.body, status)).toEqual([]);
    expect(exchange.body).toMatchObject({ code, more_info: `https://www.twilio.com/docs/errors/${code}` });
  };

  it("a subaccount's Trust Hub and Messaging refuse the parent's token with 401 (20003); its own token works", async () => {
    const parent = sandbox.client(DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN, recorder);
    const sub = await parent.api.v2010.accounts.create({ friendlyName: "Customer" });
    conforms();
    const withParentToken = sandbox.client(sub.sid, DEFAULT_AUTH_TOKEN, recorder);
    await refused(withParentToken.trusthub.v1.customerProfiles.list(), 401, 20003);
    await refused(withParentToken.messaging.v1.brandRegistrations.list(), 401, 20003);
    await refused(withParentToken.events.v1.sinks.list(), 401, 20003);
    await sandbox.client(sub.sid, sub.authToken, recorder).trusthub.v1.customerProfiles.list();
    expect(last().status).toBe(200);
    conforms();
  });

  it("campaigns: too short a description or message flow, or one sample, are refused; a valid one on an approved brand is created", async () => {
    const client = sandbox.client(DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN, recorder);
    const { brand } = await submittedBrand(client);
    const service = await client.messaging.v1.services.create({ friendlyName: "Acme, Inc. A2P" });
    const valid = {
      brandRegistrationSid: brand.sid,
      description: "Order confirmations and delivery updates for customers of Acme's online store.",
      messageFlow: "Customers opt in by ticking an unchecked SMS box at checkout on acme.example.",
      messageSamples: [
        "Acme: your order #1234 has shipped and arrives Tuesday.",
        "Acme: your order #1234 was delivered.",
      ],
      usAppToPersonUsecase: "ACCOUNT_NOTIFICATION",
      hasEmbeddedLinks: false,
      hasEmbeddedPhone: false,
    };
    const campaigns = client.messaging.v1.services(service.sid).usAppToPerson;
    await refused(campaigns.create(valid), 400, 21717); // the brand is still PENDING
    await sandbox.control("POST", "advance", { sid: brand.sid, outcome: "APPROVED" });
    await refused(campaigns.create({ ...valid, description: "Order updates." }), 400, 21728);
    await refused(campaigns.create({ ...valid, messageFlow: "Opt in at checkout." }), 400, 21728);
    await refused(campaigns.create({ ...valid, messageSamples: [valid.messageSamples[0]!] }), 400, 21728);
    const created = await campaigns.create(valid);
    expect(last().status).toBe(201);
    conforms();
    // A new campaign is PENDING until TCR starts its review (Sole Proprietor walkthrough §5.1).
    expect(created.campaignStatus).toBe("PENDING");
  });

  it("the brand update answers 202 per the schema", async () => {
    const client = sandbox.client(DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN, recorder);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // Twilio's one brand a second
    const { brand } = await submittedBrand(client, { business: { business_name: "Mismatch Holdings" } });
    await sandbox.control("POST", "advance", { sid: brand.sid, outcome: "FAILED" });
    conforms();
    await client.messaging.v1.brandRegistrations(brand.sid).update();
    expect(last().status).toBe(202);
    conforms();
  });

  it("Event Streams sinks and subscriptions answer per the Events v1 schema", async () => {
    const client = sandbox.client(DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN, recorder);
    const sink = await client.events.v1.sinks.create({
      description: "portal",
      sinkType: "webhook",
      sinkConfiguration: { destination: "https://portal.isv.example/api/twilio/events", method: "POST" },
    });
    conforms();
    await client.events.v1.subscriptions.create({
      description: "A2P",
      sinkSid: sink.sid,
      types: [{ type: "com.twilio.messaging.compliance.brand-registration.brand-registered", schema_version: 1 }],
    });
    conforms();
    await client.events.v1.sinks.list();
    conforms();
    await client.events.v1.subscriptions.list({ sinkSid: sink.sid });
    conforms();
  });
});
