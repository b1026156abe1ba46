import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { proposeCustomers } from "@/lib/adoption/group";
import { listAccounts, readAccountInventory } from "@/lib/server/twilio/inventory";
import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN } from "@/sandbox/defaults";
import { seedExistingIsv } from "@/sandbox/seeds/existing-isv";

import { OpenApiContract } from "../support/oai";
import { RecordingClient, startTestSandbox, type TestSandbox } from "../support/sandbox-harness";
import { haveOai } from "../support/seed-samples";

/**
 * The adoption scan reads list endpoints nothing else of the portal reads (#28 line 1): every
 * answer the sandbox gives it must be what Twilio's OpenAPI describes, or the scan would pass here
 * and misread a real account. Every page of every list, in the ISV's account and its subaccounts.
 */
if (!haveOai && process.env.CI === "true")
  throw new Error("../shared/twilio-oai is missing: the contract tests cannot run.");
const suite = haveOai ? describe : describe.skip;

suite("the adoption scan's reads, answered as Twilio's OpenAPI describes", () => {
  let contract: OpenApiContract;
  let sandbox: TestSandbox;
  let recorder: RecordingClient;
  beforeAll(async () => {
    contract = new OpenApiContract();
    sandbox = await startTestSandbox();
    await seedExistingIsv(sandbox.url, { count: 5 });
    await sandbox.sandbox.settled();
    recorder = new RecordingClient(sandbox.url);
  }, 120_000);
  afterAll(() => sandbox.close());

  it("every list the scan pages through conforms, and the scan finds the customers built", async () => {
    const account = (sid: string, token: string) => ({ sid, sdk: twilio(sid, token, { httpClient: recorder }) });
    const isv = account(DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN);
    const inventories = [];
    for (const found of await listAccounts(isv)) {
      const handle = found.isIsv ? isv : account(found.sid, found.authToken);
      inventories.push({ ...(await readAccountInventory(handle, found.friendlyName)), isIsv: found.isIsv });
    }
    expect(proposeCustomers(inventories)).toHaveLength(5);

    expect(contract.problemsIn(recorder.exchanges)).toEqual([]);
    const templates = contract.templatesOf(recorder.exchanges);
    for (const template of [
      "/2010-04-01/Accounts.json",
      "/2010-04-01/Accounts/{AccountSid}/Addresses.json",
      "/v1/CustomerProfiles",
      "/v1/CustomerProfiles/{CustomerProfileSid}/EntityAssignments",
      "/v1/TrustProducts",
      "/v1/TrustProducts/{TrustProductSid}/EntityAssignments",
      "/v1/EndUsers",
      "/v1/SupportingDocuments",
      "/v1/a2p/BrandRegistrations",
      "/v1/Services",
      "/v1/Services/{MessagingServiceSid}/Compliance/Usa2p",
      "/v1/Services/{ServiceSid}/PhoneNumbers",
    ])
      expect(templates, template).toContain(template);
    expect(recorder.exchanges.every((exchange) => exchange.method === "GET" && exchange.status === 200)).toBe(true);
  });
});
