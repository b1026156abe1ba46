import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { TwilioHttpClient } from "@/lib/server/twilio/http-client";
import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN } from "@/sandbox/defaults";

import { buildSecondaryProfile, buildTrustProduct, submittedBrand } from "../support/sandbox-flows";
import { startTestSandbox, type TestSandbox } from "../support/sandbox-harness";

/** A local receiver for status callbacks and events. */
async function startReceiver() {
  const received: { path: string; headers: IncomingMessage["headers"]; body: string }[] = [];
  const server: Server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      received.push({ path: request.url ?? "", headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe("status callbacks and events", () => {
  let sandbox: TestSandbox;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver();
    sandbox = await startTestSandbox();
  });
  afterAll(async () => {
    await sandbox.close();
    await receiver.close();
  });

  it("a status change POSTs to status_callback, signed exactly as Twilio signs", async () => {
    const client = sandbox.client();
    const callbackUrl = `${receiver.url}/twilio/status?customer=acme`;
    const profile = await buildSecondaryProfile(client, { statusCallback: callbackUrl });
    await client.trusthub.v1.customerProfiles(profile.sid).update({ status: "pending-review" });
    await sandbox.sandbox.settled();
    const callback = receiver.received.find((entry) => entry.path === "/twilio/status?customer=acme")!;
    expect(callback.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    const params = Object.fromEntries(new URLSearchParams(callback.body));
    // The parameters Twilio is seen to post (live-twilio.md §2), and no others.
    expect(params).toEqual({ AccountSid: profile.accountSid, BundleSid: profile.sid, Status: "pending-review" });
    const signature = String(callback.headers["x-twilio-signature"]);
    expect(twilio.validateRequest(DEFAULT_AUTH_TOKEN, signature, callbackUrl, params)).toBe(true);
    // A forged or altered callback does not validate.
    expect(
      twilio.validateRequest(DEFAULT_AUTH_TOKEN, signature, callbackUrl, { ...params, Status: "twilio-approved" }),
    ).toBe(false);
    expect(twilio.validateRequest("another-token", signature, callbackUrl, params)).toBe(false);
  });

  it("trust products call back too, and a rejection carries its reason", async () => {
    const client = sandbox.client();
    const profile = await buildSecondaryProfile(client);
    const product = await buildTrustProduct(client, profile.sid, { company_type: "public" }, `${receiver.url}/tp`);
    await client.trusthub.v1.trustProducts(product.sid).update({ status: "pending-review" });
    await sandbox.control("POST", "advance", { seconds: 0 });
    await sandbox.sandbox.settled();
    const statuses = receiver.received
      .filter((entry) => entry.path === "/tp")
      .map((entry) => Object.fromEntries(new URLSearchParams(entry.body)));
    expect(statuses.map((s) => s.Status)).toEqual(["pending-review", "twilio-rejected"]);
    expect(statuses[1]!.BundleSid).toBe(product.sid);
    expect(statuses[1]!.FailureReason).toMatch(/missing or invalid fields/);
  });

  it("brand events go, as Twilio documents them, only to an account's subscribed sink, signed with bodySHA256", async () => {
    const client = sandbox.client();
    // A subaccount with a brand of its own but no Sink: it gets no events, as at Twilio.
    const sub = await client.api.v2010.accounts.create({ friendlyName: "No sink" });
    const subClient = sandbox.client(sub.sid, sub.authToken);
    const { brand: subBrand } = await submittedBrand(subClient, { skip: ["primary"] });
    await sandbox.control("POST", "advance", { sid: subBrand.sid, outcome: "APPROVED" });

    const sink = await client.events.v1.sinks.create({
      description: "portal",
      sinkType: "webhook",
      sinkConfiguration: { destination: `${receiver.url}/events?tenant=isv`, method: "POST" },
    });
    expect(sink).toMatchObject({ status: "initialized", sinkType: "webhook" });
    const subscription = await client.events.v1.subscriptions.create({
      description: "A2P",
      sinkSid: sink.sid,
      types: [
        { type: "com.twilio.messaging.compliance.brand-registration.brand-registered", schema_version: 1 },
        { type: "com.twilio.messaging.compliance.brand-registration.brand-verified", schema_version: 1 },
        { type: "com.twilio.messaging.compliance.brand-registration.brand-vetted-verified", schema_version: 1 },
        { type: "com.twilio.messaging.compliance.brand-registration.brand-unverified", schema_version: 1 },
      ],
    });
    expect(subscription.sinkSid).toBe(sink.sid);
    expect((await client.events.v1.subscriptions.list({ sinkSid: sink.sid })).map((s) => s.sid)).toEqual([
      subscription.sid,
    ]);
    const { brand } = await submittedBrand(client);
    await sandbox.control("POST", "advance", { sid: brand.sid, outcome: "APPROVED" });
    await sandbox.control("POST", "advance", { sid: brand.sid, outcome: "FAILED" });
    await sandbox.sandbox.settled();
    const deliveries = receiver.received.filter((entry) => entry.path.startsWith("/events?"));
    // Each documented event is its own delivery: registered then vetted-verified (a Standard brand
    // with secondary vetting), registered then unverified.
    expect(deliveries).toHaveLength(4);
    for (const delivery of deliveries) {
      const url = `${receiver.url}${delivery.path}`;
      expect(new URL(url).searchParams.get("tenant")).toBe("isv");
      expect(
        twilio.validateRequestWithBody(
          DEFAULT_AUTH_TOKEN,
          String(delivery.headers["x-twilio-signature"]),
          url,
          delivery.body,
        ),
      ).toBe(true);
      expect(
        twilio.validateRequestWithBody(
          DEFAULT_AUTH_TOKEN,
          String(delivery.headers["x-twilio-signature"]),
          url,
          delivery.body.replace(brand.sid, "BN" + "0".repeat(32)),
        ),
      ).toBe(false);
    }
    const events = deliveries.flatMap((entry) => JSON.parse(entry.body) as Record<string, unknown>[]);
    expect(events.every((event) => (event.data as { brandsid: string }).brandsid === brand.sid)).toBe(true);
    expect(events.map((event) => String(event.type).split(".").pop())).toEqual([
      "brand-registered",
      "brand-vetted-verified",
      "brand-registered",
      "brand-unverified",
    ]);
    const [registered, verified, , unverified] = events;
    expect(registered).toMatchObject({
      specversion: "1.0",
      type: "com.twilio.messaging.compliance.brand-registration.brand-registered",
      source: `/v1/a2p/BrandRegistrations/${brand.sid}`,
      datacontenttype: "application/json",
      dataschema: expect.stringMatching(/^https:\/\/events-schemas\.twilio\.com\/A2P\./),
      time: expect.any(String),
    });
    // Exactly the keys of Twilio's example payloads (a2p-event-streams-setup.md), nothing more.
    expect(Object.keys(registered!.data as object).sort()).toEqual(
      ["accountsid", "brandsid", "brandstatus", "createddate", "updateddate", "externalbrandid"].sort(),
    );
    expect(registered!.data).toMatchObject({
      accountsid: brand.accountSid,
      brandsid: brand.sid,
      brandstatus: "registered",
      externalbrandid: expect.stringMatching(/^B[0-9A-F]{6}$/),
      createddate: expect.any(Number),
      updateddate: expect.any(Number),
    });
    expect(verified!.data).toMatchObject({
      brandstatus: "registered",
      identitystatus: "vetted_verified",
      brandvettingoutcome: "success",
      brandscore: expect.any(Number),
    });
    // The identity failure still says brandstatus "registered", as Twilio's example does.
    expect(unverified!.data).toMatchObject({
      brandstatus: "registered",
      identitystatus: "unverified",
      brandregistrationerrors: [
        expect.objectContaining({
          registrationerrorcode: 30799,
          registrationerrorurl: "https://www.twilio.com/docs/errors/30799",
          registrationerrorfields: expect.arrayContaining(["business_name"]),
        }),
      ],
    });
  });
});

describe("the one-per-second rule for brands", () => {
  it("a second brand creation within the second gets 429 with code 20429; a second later it passes", async () => {
    const sandbox = await startTestSandbox();
    try {
      const client = sandbox.client();
      const profile = await buildSecondaryProfile(client);
      const product = await buildTrustProduct(client, profile.sid);
      await client.trusthub.v1.customerProfiles(profile.sid).update({ status: "pending-review" });
      await client.trusthub.v1.trustProducts(product.sid).update({ status: "pending-review" });
      const create = () =>
        client.messaging.v1.brandRegistrations.create({
          customerProfileBundleSid: profile.sid,
          a2PProfileBundleSid: product.sid,
        });
      await create();
      expect(
        await create().catch((e: { status: number; code: number; message: string }) => ({
          status: e.status,
          code: e.code,
          message: e.message,
        })),
      ).toEqual({ status: 429, code: 20429, message: "Too Many Requests" });
      await new Promise((resolve) => setTimeout(resolve, 1050));
      expect((await create()).status).toBe("PENDING");
      // Only the two brands that were created were charged.
      const state = await sandbox.control("GET", "state");
      expect(state.body.accounts![0]!.fees.filter((fee) => fee.type === "brand_registration")).toHaveLength(2);
    } finally {
      await sandbox.close();
    }
  });
});

describe("fault injection", () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());

  const endUsers = () => sandbox.client().trusthub.v1.endUsers.list();

  for (const status of [500, 503, 429]) {
    it(`${status}: the next matching requests fail with Twilio's error, then it works again, and nothing was done`, async () => {
      await sandbox.control("POST", "faults", { method: "POST", path: "/v1/EndUsers", status, times: 2 });
      const create = () =>
        sandbox.client().trusthub.v1.endUsers.create({
          friendlyName: `fault ${status}`,
          type: "authorized_representative_1",
          attributes: {},
        });
      expect(await create().catch((e: { status: number }) => e.status)).toBe(status);
      expect(await create().catch((e: { status: number }) => e.status)).toBe(status);
      expect((await endUsers()).filter((user) => user.friendlyName === `fault ${status}`)).toHaveLength(0);
      expect((await create()).friendlyName).toBe(`fault ${status}`);
    });
  }

  it("timeout: no answer until the client gives up", async () => {
    await sandbox.control("POST", "faults", { method: "GET", path: "/v1/Policies", status: "timeout", times: 1 });
    const impatient = sandbox.client(
      DEFAULT_ACCOUNT_SID,
      DEFAULT_AUTH_TOKEN,
      new TwilioHttpClient(sandbox.url, { timeoutMs: 300 }),
    );
    const started = Date.now();
    const error = await impatient.trusthub.v1.policies.list().catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect((await sandbox.client().trusthub.v1.policies.list()).length).toBe(5);
  });

  it("reset: the connection is dropped", async () => {
    await sandbox.control("POST", "faults", { method: "GET", path: "/v1/Policies*", status: "reset", times: 1 });
    const error = (await sandbox
      .client()
      .trusthub.v1.policies.list()
      .then(
        () => null,
        (e: unknown) => e,
      )) as (Error & { code?: string }) | null;
    expect(error).toBeInstanceOf(Error);
    expect(String(error?.code ?? error?.message)).toMatch(/ECONNRESET|socket hang up/);
    expect((await sandbox.client().trusthub.v1.policies.list()).length).toBe(5);
  });

  it("bad fault definitions are refused", async () => {
    expect(
      (await sandbox.control("POST", "faults", { method: "GET", path: "/v1/Policies", status: "sometimes" })).status,
    ).toBe(400);
  });
});

describe("persistence and the control API", () => {
  it("state survives a restart when a state file is given; reset empties it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sandbox-"));
    const stateFile = path.join(dir, "state.json");
    try {
      const first = await startTestSandbox({ stateFile });
      const profile = await buildSecondaryProfile(first.client());
      await first.control("POST", "advance", { seconds: 3600 });
      await first.close();

      const second = await startTestSandbox({ stateFile });
      const fetched = await second.client().trusthub.v1.customerProfiles(profile.sid).fetch();
      expect(fetched.friendlyName).toBe(profile.friendlyName);
      expect(second.sandbox.clock.offsetMs).toBe(3_600_000);
      await second.control("POST", "reset");
      expect(
        await second
          .client()
          .trusthub.v1.customerProfiles(profile.sid)
          .fetch()
          .catch((e: { status: number }) => e.status),
      ).toBe(404);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("GET /__sandbox/state lists each account's resources as the API returns them", async () => {
    const sandbox = await startTestSandbox();
    try {
      const profile = await buildSecondaryProfile(sandbox.client());
      const { body } = await sandbox.control("GET", "state");
      const [account] = body.accounts!;
      expect(Object.keys(account!.resources)).toEqual(
        expect.arrayContaining([
          "CustomerProfiles",
          "TrustProducts",
          "EndUsers",
          "SupportingDocuments",
          "Addresses",
          "IncomingPhoneNumbers",
          "BrandRegistrations",
          "Services",
          "Usa2p",
        ]),
      );
      const listed = account!.resources.CustomerProfiles!.find((p) => p.sid === profile.sid)!;
      expect(listed).toMatchObject({
        sid: profile.sid,
        status: "draft",
        url: `https://trusthub.twilio.com/v1/CustomerProfiles/${profile.sid}`,
      });
      expect(account!.resources.IncomingPhoneNumbers).toHaveLength(3);
      expect(account!.parentSid).toBeNull();
      expect(account!.fees).toEqual([]);
    } finally {
      await sandbox.close();
    }
  });

  it("the control API is off outside dev and test modes", async () => {
    const sandbox = await startTestSandbox({ controlApi: false });
    try {
      expect((await sandbox.control("GET", "state")).status).toBe(404);
    } finally {
      await sandbox.close();
    }
  });
});
