import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/server/db";
import { twilioSignature } from "@/sandbox/core/signature";
import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN } from "@/sandbox/defaults";

import { signedEventsRequest, startSandboxWithEventSink } from "../support/event-receiver";
import { configureIsv, submittedApplication, testDeps } from "../support/provisioning";
import type { TestSandbox } from "../support/sandbox-harness";

let sandbox: TestSandbox;
let stop: () => Promise<void>;
let POST: (request: Request, context: unknown) => Promise<Response>;
let publicBaseUrl: string;

beforeAll(async () => {
  ({ sandbox, close: stop } = await startSandboxWithEventSink());
  ({ POST } = (await import("@/app/api/twilio/events/route")) as unknown as { POST: typeof POST });
  await configureIsv();
  publicBaseUrl = (await db.isvSettings.findUniqueOrThrow({ where: { id: 1 } })).publicBaseUrl!;
});
afterAll(() => stop());

/** Posts a batch the way Event Streams does: bodySHA256 in the URL, signed with `token`. */
async function deliver(events: unknown[], token = DEFAULT_AUTH_TOKEN, tamper?: (body: string) => string) {
  const response = await POST(signedEventsRequest(publicBaseUrl, JSON.stringify(events), token, tamper), {});
  return { status: response.status, body: (await response.json()) as { updated?: number; ignored?: number } };
}

const brandEvent = (type: string, data: Record<string, unknown>) => ({
  specversion: "1.0",
  type: `com.twilio.messaging.compliance.brand-registration.${type}`,
  source: "/v1/a2p/BrandRegistrations",
  id: "EZ0",
  datacontenttype: "application/json",
  time: "2026-11-21T12:00:00Z",
  data,
});

describe("Event Streams: set up by the portal, delivered as Twilio delivers", () => {
  it("provisioning creates one Sink and one Subscription per account; a brand event then moves the brand at once", async () => {
    const { approveApplication } = await import("@/lib/server/applications/approve-application");
    const { runProvisioning } = await import("@/lib/server/provisioning/run-provisioning");
    for (const name of ["Eventful Inc.", "Eventful Two Inc."]) {
      const { application, staff } = await submittedApplication(name);
      await approveApplication(application.id, staff.id);
      expect(await runProvisioning(application.id, testDeps(sandbox))).toEqual({ state: "DONE" });
    }
    // Idempotent: two provisionings in the account, one sink and one subscription.
    const client = sandbox.client();
    const sinks = await client.events.v1.sinks.list();
    expect(sinks).toHaveLength(1);
    expect(sinks[0]!.sinkConfiguration).toEqual({ destination: `${publicBaseUrl}/api/twilio/events`, method: "POST" });
    const subscriptions = await client.events.v1.subscriptions.list({ sinkSid: sinks[0]!.sid });
    expect(subscriptions).toHaveLength(1);
    expect(await db.twilioEventStream.findUniqueOrThrow({ where: { accountSid: DEFAULT_ACCOUNT_SID } })).toMatchObject({
      sinkSid: sinks[0]!.sid,
      subscriptionSid: subscriptions[0]!.sid,
      lastError: null,
    });

    const application = await db.onboardingApplication.findFirstOrThrow({
      where: { organization: { name: "Eventful Inc." } },
    });
    const brand = await db.twilioResource.findUniqueOrThrow({
      where: { applicationId_step: { applicationId: application.id, step: "brand" } },
    });
    await sandbox.control("POST", "advance", { sid: brand.sid, outcome: "FAILED" });
    await sandbox.sandbox.settled();
    const updated = await db.twilioResource.findUniqueOrThrow({ where: { id: brand.id } });
    expect(updated.status).toBe("FAILED");
    expect((updated.details as { errors: { code: number; fields: string[] }[] }).errors[0]).toMatchObject({
      code: 30799,
      fields: expect.arrayContaining(["business_name"]),
    });
  });

  it("refuses what Twilio did not sign: no signature, another token, a changed body; and a signed non-JSON body is 400", async () => {
    const event = brandEvent("brand-registered", { accountsid: DEFAULT_ACCOUNT_SID, brandsid: "BN" + "0".repeat(32) });
    expect((await deliver([event], "f".repeat(32))).status).toBe(403);
    expect((await deliver([event], DEFAULT_AUTH_TOKEN, (body) => body.replace("registered", "failure"))).status).toBe(
      403,
    );
    const unsigned = await POST(
      new Request(`${publicBaseUrl}/api/twilio/events`, { method: "POST", body: JSON.stringify([event]) }),
      {},
    );
    expect(unsigned.status).toBe(403);
    const body = "not json";
    const url = `${publicBaseUrl}/api/twilio/events?bodySHA256=${createHash("sha256").update(body).digest("hex")}`;
    const response = await POST(
      new Request(url, {
        method: "POST",
        headers: { "x-twilio-signature": twilioSignature(DEFAULT_AUTH_TOKEN, url, {}) },
        body,
      }),
      {},
    );
    expect(response.status).toBe(400);
  });

  it("reads Twilio's documented payloads, ignores unknown types without failing the batch, never moves back", async () => {
    const { application } = await submittedApplication("Other Account Inc.");
    const brand = await db.twilioResource.create({
      data: {
        applicationId: application.id,
        step: "brand",
        sid: "BN0123456789abcdef0123456789abcdef",
        accountSid: DEFAULT_ACCOUNT_SID,
        status: "PENDING",
        statusUpdatedAt: new Date("2026-11-21T10:00:00Z"),
      },
    });
    const at = (time: string) => Date.parse(time);
    const failure = brandEvent("brand-failure", {
      accountsid: DEFAULT_ACCOUNT_SID,
      brandsid: brand.sid,
      brandstatus: "registration_failed",
      createddate: at("2026-11-21T10:00:00Z"),
      updateddate: at("2026-11-21T11:00:00Z"),
      brandregistrationerrors: [
        {
          registrationerrorcode: 21736,
          registrationerrordescription: "The Brand contact email is invalid.",
          registrationerrorurl: "https://www.twilio.com/docs/api/errors/21736",
          registrationerrorfields: ["brand_contact_email"],
        },
      ],
    });
    const unknown = { type: "com.twilio.messaging.compliance.brand-registration.sharing-created", data: {} };
    const numberEvent = {
      type: "com.twilio.messaging.compliance.number-registration.pending",
      data: { accountsid: DEFAULT_ACCOUNT_SID },
    };
    expect((await deliver([unknown, numberEvent, "garbage", failure])).body).toEqual({ updated: 1, ignored: 3 });
    const failed = await db.twilioResource.findUniqueOrThrow({ where: { id: brand.id } });
    expect(failed.status).toBe("FAILED");
    expect(failed.details).toMatchObject({
      errors: [{ code: 21736, description: "The Brand contact email is invalid.", fields: ["brand_contact_email"] }],
    });
    // A replay changes nothing; brand-registered "doesn't reflect the verification status": it
    // brings the TCR id and moves no status (#25 line 1)...
    expect((await deliver([failure])).body).toEqual({ updated: 0, ignored: 1 });
    const registered = brandEvent("brand-registered", {
      accountsid: DEFAULT_ACCOUNT_SID,
      brandsid: brand.sid,
      brandstatus: "registered",
      externalbrandid: "B000001",
      updateddate: at("2026-11-21T12:00:00Z"),
    });
    expect((await deliver([registered])).body).toEqual({ updated: 1, ignored: 0 });
    const stillFailed = await db.twilioResource.findUniqueOrThrow({ where: { id: brand.id } });
    expect(stillFailed.status).toBe("FAILED");
    expect(stillFailed.details).toMatchObject({ tcrId: "B000001" });
    // ...brand-verified moves FAILED on (a later final status: identity passed on a resubmission)...
    const verified = brandEvent("brand-verified", {
      accountsid: DEFAULT_ACCOUNT_SID,
      brandsid: brand.sid,
      brandstatus: "registered",
      identitystatus: "verified",
      externalbrandid: "B000001",
      brandfeedback: "",
      updateddate: at("2026-11-21T12:00:00Z"),
    });
    expect((await deliver([verified])).body).toEqual({ updated: 1, ignored: 0 });
    const approved = await db.twilioResource.findUniqueOrThrow({ where: { id: brand.id } });
    expect(approved.status).toBe("APPROVED");
    expect(approved.details).toMatchObject({ tcrId: "B000001", identityStatus: "VERIFIED" });
    // ...but a late, older failure does not move it back.
    expect((await deliver([failure])).body).toEqual({ updated: 0, ignored: 1 });
    expect((await db.twilioResource.findUniqueOrThrow({ where: { id: brand.id } })).status).toBe("APPROVED");
  });

  it("a subaccount's token vouches only for events naming that subaccount", async () => {
    const { setCustomerAccount } = await import("@/lib/server/organizations/customer-account");
    const { openAuthToken } = await import("@/lib/server/twilio/account-credentials");
    const { makeUser } = await import("../support/factories");
    const { organization, application } = await submittedApplication("Signed Sub Co");
    const { user: admin } = await makeUser({ role: "ADMIN" });
    const outcome = await setCustomerAccount({ organizationId: organization.id, mode: "create" }, admin.id);
    if (!outcome.ok || !outcome.accountSid) throw new Error("no subaccount");
    const subToken = openAuthToken(
      (await db.organization.findUniqueOrThrow({ where: { id: organization.id } })).twilioAuthTokenEncrypted!,
      organization.id,
    )!;
    const own = await db.twilioResource.create({
      data: {
        applicationId: application.id,
        step: "brand",
        sid: "BN1111111111111111111111111111111a",
        accountSid: outcome.accountSid,
        status: "PENDING",
      },
    });
    const isvBrand = await db.twilioResource.create({
      data: {
        applicationId: (await submittedApplication("ISV Account Co")).application.id,
        step: "brand",
        sid: "BN1111111111111111111111111111111b",
        accountSid: DEFAULT_ACCOUNT_SID,
        status: "PENDING",
      },
    });
    const events = [
      brandEvent("brand-verified", {
        accountsid: outcome.accountSid,
        brandsid: own.sid,
        brandstatus: "registered",
        identitystatus: "verified",
      }),
      brandEvent("brand-failure", {
        accountsid: DEFAULT_ACCOUNT_SID,
        brandsid: isvBrand.sid,
        brandstatus: "registration_failed",
      }),
    ];
    expect((await deliver(events, subToken)).body).toEqual({ updated: 1, ignored: 1 });
    expect((await db.twilioResource.findUniqueOrThrow({ where: { id: own.id } })).status).toBe("APPROVED");
    expect((await db.twilioResource.findUniqueOrThrow({ where: { id: isvBrand.id } })).status).toBe("PENDING");
  });

  it("a customer's subaccount gets its own Sink and Subscription, and its events, signed with its token, arrive", async () => {
    const { setCustomerAccount } = await import("@/lib/server/organizations/customer-account");
    const { approveApplication } = await import("@/lib/server/applications/approve-application");
    const { runProvisioning } = await import("@/lib/server/provisioning/run-provisioning");
    const { makeUser } = await import("../support/factories");
    const { organization, application, staff } = await submittedApplication("Own Account Co");
    const { user: admin } = await makeUser({ role: "ADMIN" });
    const outcome = await setCustomerAccount({ organizationId: organization.id, mode: "create" }, admin.id);
    if (!outcome.ok || !outcome.accountSid) throw new Error("no subaccount");
    await approveApplication(application.id, staff.id);
    expect(await runProvisioning(application.id, testDeps(sandbox))).toEqual({ state: "DONE" });

    const state = await sandbox.control("GET", "state");
    const account = state.body.accounts!.find((a) => a.sid === outcome.accountSid)!;
    expect(account.resources.Sinks).toHaveLength(1);
    expect(account.resources.Subscriptions).toHaveLength(1);
    expect(await db.twilioEventStream.findUniqueOrThrow({ where: { accountSid: outcome.accountSid } })).toMatchObject({
      lastError: null,
      subscriptionSid: expect.stringMatching(/^DF/),
    });
    const brand = await db.twilioResource.findUniqueOrThrow({
      where: { applicationId_step: { applicationId: application.id, step: "brand" } },
    });
    expect(brand.accountSid).toBe(outcome.accountSid);
    await sandbox.control("POST", "advance", { sid: brand.sid, outcome: "APPROVED" });
    await sandbox.sandbox.settled();
    expect((await db.twilioResource.findUniqueOrThrow({ where: { id: brand.id } })).status).toBe("APPROVED");
  });

  it("a new public URL replaces the portal's old sink; another deployment's sink in the account stays (#26 line 8)", async () => {
    const { ensureEventStream } = await import("@/lib/server/twilio-inbound/ensure-event-stream");
    const { accountBySid } = await import("@/lib/server/twilio/client");
    const account = await accountBySid(DEFAULT_ACCOUNT_SID);
    const client = sandbox.client();
    const original = `${publicBaseUrl}/api/twilio/events`;
    const staging = await client.events.v1.sinks.create({
      description: "Onboarding portal: A2P brand and campaign events",
      sinkType: "webhook",
      sinkConfiguration: { destination: "https://staging.isv.example/api/twilio/events", method: "POST" },
    });
    const moved = "https://portal.moved.example/api/twilio/events";
    await ensureEventStream(account, moved);
    const destinations = async () =>
      (await client.events.v1.sinks.list())
        .map((sink) => (sink.sinkConfiguration as { destination: string }).destination)
        .sort();
    expect(await destinations()).toEqual([moved, "https://staging.isv.example/api/twilio/events"].sort());
    // The old sink's subscription went with it: every subscription left points at a sink that exists.
    const sinkSids = (await client.events.v1.sinks.list()).map((sink) => sink.sid);
    const subscribed = await client.events.v1.subscriptions.list();
    expect(subscribed.length).toBeGreaterThan(0);
    for (const subscription of subscribed) expect(sinkSids).toContain(subscription.sinkSid);
    // Back to the first address for the rest of this file; the staging sink is the test's to remove.
    await ensureEventStream(account, original);
    expect(await destinations()).toEqual([original, "https://staging.isv.example/api/twilio/events"].sort());
    await client.events.v1.sinks(staging.sid).remove();
  });
});
