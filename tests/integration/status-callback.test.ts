import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/server/db";
import { twilioSignature } from "@/sandbox/core/signature";
import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN } from "@/sandbox/defaults";

import { makeOrganization } from "../support/factories";
import { buildSecondaryProfile } from "../support/sandbox-flows";
import { startTestSandbox, type TestSandbox } from "../support/sandbox-harness";

let sandbox: TestSandbox;
let receiver: { url: string; close: () => Promise<void> };
let POST: (request: Request, context: unknown) => Promise<Response>;
// The portal's public URL is the receiver's: the sandbox signs exactly the URL it calls.
let PUBLIC = "";

beforeAll(async () => {
  Object.assign(process.env, { TWILIO_ACCOUNT_SID: DEFAULT_ACCOUNT_SID, TWILIO_AUTH_TOKEN: DEFAULT_AUTH_TOKEN });
  ({ POST } = (await import("@/app/api/twilio/status-callback/route")) as unknown as { POST: typeof POST });
  sandbox = await startTestSandbox();
  process.env.TWILIO_SANDBOX_URL = sandbox.url;
  // Forward what the sandbox sends to the real route handler, as the portal's server would.
  const { createServer } = await import("node:http");
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", async () => {
      const response = await POST(
        new Request(`${receiver.url}${req.url}`, {
          method: "POST",
          headers: req.headers as Record<string, string>,
          body,
        }),
        {},
      );
      res.writeHead(response.status).end(await response.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  receiver = { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
  PUBLIC = receiver.url;
  await db.isvSettings.upsert({
    where: { id: 1 },
    create: { id: 1, publicBaseUrl: PUBLIC },
    update: { publicBaseUrl: PUBLIC },
  });
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

/** A customer profile built in the sandbox (the ISV's account unless a subaccount is given) and recorded as the portal would. */
async function trackedProfile(
  account: { client: ReturnType<TestSandbox["client"]>; accountSid: string; applicationId?: string } = {
    client: sandbox.client(),
    accountSid: DEFAULT_ACCOUNT_SID,
  },
) {
  const applicationId = account.applicationId ?? (await makeOrganization()).application.id;
  // The sandbox calls back to the receiver; the portal signs against its public URL, so the path is what matters.
  const profile = await buildSecondaryProfile(account.client, {
    statusCallback: `${receiver.url}/api/twilio/status-callback`,
  });
  await db.twilioResource.create({
    data: {
      applicationId,
      step: "customer-profile",
      sid: profile.sid,
      accountSid: account.accountSid,
      status: "draft",
    },
  });
  return profile;
}

/** An organization provisioned in a subaccount of its own (created by an admin, its token kept encrypted). */
async function organizationWithSubaccount() {
  const { setCustomerAccount } = await import("@/lib/server/organizations/customer-account");
  const { makeUser } = await import("../support/factories");
  const { organization, application } = await makeOrganization();
  const { user: admin } = await makeUser({ role: "ADMIN" });
  const outcome = await setCustomerAccount({ organizationId: organization.id, mode: "create" }, admin.id);
  if (!outcome.ok || !outcome.accountSid) throw new Error("no subaccount");
  return { organization, application, accountSid: outcome.accountSid };
}

const post = (params: Record<string, string>, signature: string | null) =>
  POST(
    new Request(`${PUBLIC}/api/twilio/status-callback`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...(signature ? { "x-twilio-signature": signature } : {}),
      },
      body: new URLSearchParams(params),
    }),
    {},
  );

describe("Trust Hub status callbacks", () => {
  it("a signed callback from the sandbox updates the recorded status, through the real route", async () => {
    const profile = await trackedProfile();
    await sandbox.client().trusthub.v1.customerProfiles(profile.sid).update({ status: "pending-review" });
    await sandbox.sandbox.settled();
    expect((await db.twilioResource.findFirstOrThrow({ where: { sid: profile.sid } })).status).toBe("pending-review");
    await sandbox.control("POST", "advance", { sid: profile.sid, outcome: "twilio-approved" });
    await sandbox.sandbox.settled();
    expect((await db.twilioResource.findFirstOrThrow({ where: { sid: profile.sid } })).status).toBe("twilio-approved");
  });

  it("refuses forged, altered or unsigned callbacks with 403", async () => {
    const profile = await trackedProfile();
    const params = {
      AccountSid: DEFAULT_ACCOUNT_SID,
      BundleSid: profile.sid,
      Status: "twilio-approved",
      DateUpdated: new Date().toISOString(),
    };
    const url = `${PUBLIC}/api/twilio/status-callback`;
    expect((await post(params, null)).status).toBe(403);
    expect((await post(params, twilioSignature("not-the-token", url, params))).status).toBe(403);
    expect(
      (await post({ ...params, Status: "twilio-rejected" }, twilioSignature(DEFAULT_AUTH_TOKEN, url, params))).status,
    ).toBe(403);
    // Signed by the ISV but naming another account: authentic, and it moves nothing of ours.
    const elsewhere = await post(
      { ...params, AccountSid: "ACffffffffffffffffffffffffffffffff" },
      twilioSignature(DEFAULT_AUTH_TOKEN, url, { ...params, AccountSid: "ACffffffffffffffffffffffffffffffff" }),
    );
    expect(await elsewhere.json()).toEqual({ result: "unknown" });
    // Signed by an account the portal does not know: refused.
    expect(
      (
        await post(
          { ...params, AccountSid: "ACffffffffffffffffffffffffffffffff" },
          twilioSignature("f".repeat(32), url, { ...params, AccountSid: "ACffffffffffffffffffffffffffffffff" }),
        )
      ).status,
    ).toBe(403);
    expect((await db.twilioResource.findFirstOrThrow({ where: { sid: profile.sid } })).status).toBe("draft");
  });

  it("is idempotent and ignores an older status arriving after a newer one", async () => {
    const profile = await trackedProfile();
    const url = `${PUBLIC}/api/twilio/status-callback`;
    const send = async (status: string, at: string) => {
      const params = { AccountSid: DEFAULT_ACCOUNT_SID, BundleSid: profile.sid, Status: status, DateUpdated: at };
      return (await (await post(params, twilioSignature(DEFAULT_AUTH_TOKEN, url, params))).json()) as {
        result: string;
      };
    };
    expect(await send("in-review", "2026-11-21T10:00:10Z")).toEqual({ result: "updated" });
    expect(await send("in-review", "2026-11-21T10:00:10Z")).toEqual({ result: "unchanged" });
    expect(await send("twilio-approved", "2026-11-21T10:05:00Z")).toEqual({ result: "updated" });
    // Delivered late: the earlier pending-review must not overwrite the approval.
    expect(await send("pending-review", "2026-11-21T10:00:00Z")).toEqual({ result: "stale" });
    const resource = await db.twilioResource.findFirstOrThrow({ where: { sid: profile.sid } });
    expect(resource.status).toBe("twilio-approved");
    expect(await db.auditLog.count({ where: { targetId: profile.sid, action: "twilio.status_changed" } })).toBe(2);
  });

  it("a subaccount's callbacks are checked with that subaccount's own token (kept encrypted)", async () => {
    const { organization, application, accountSid } = await organizationWithSubaccount();
    const stored = await db.organization.findUniqueOrThrow({ where: { id: organization.id } });
    // Encrypted under the data keys (decision 0010), not in clear.
    expect(stored.twilioAuthTokenEncrypted).toMatch(/^enc:v2:/);
    const { openAuthToken } = await import("@/lib/server/twilio/account-credentials");
    const subToken = openAuthToken(stored.twilioAuthTokenEncrypted!, stored.id)!;
    expect(stored.twilioAuthTokenEncrypted).not.toContain(subToken);

    const subClient = sandbox.client(accountSid, subToken);
    const profile = await trackedProfile({ client: subClient, accountSid, applicationId: application.id });
    await subClient.trusthub.v1.customerProfiles(profile.sid).update({ status: "pending-review" });
    await sandbox.sandbox.settled();
    expect((await db.twilioResource.findFirstOrThrow({ where: { sid: profile.sid } })).status).toBe("pending-review");

    // Which token signs a subaccount bundle's callback is unconfirmed (live-twilio.md §2): the ISV's
    // own token, which owns every subaccount, is accepted too; any other account's is not.
    const url = `${PUBLIC}/api/twilio/status-callback`;
    const params = { AccountSid: accountSid, BundleSid: profile.sid, Status: "in-review" };
    expect((await post(params, twilioSignature("0".repeat(32), url, params))).status).toBe(403);
    expect(await (await post(params, twilioSignature(DEFAULT_AUTH_TOKEN, url, params))).json()).toEqual({
      result: "updated",
    });
  });

  it("a callback signed by one customer's subaccount cannot move another organization's bundle", async () => {
    // Organization A has a subaccount of its own (its token is the attacker's).
    const a = await organizationWithSubaccount();
    const stored = await db.organization.findUniqueOrThrow({ where: { id: a.organization.id } });
    const { openAuthToken } = await import("@/lib/server/twilio/account-credentials");
    const subToken = openAuthToken(stored.twilioAuthTokenEncrypted!, stored.id)!;
    // Organization B's profile lives in the ISV's account.
    const victim = await trackedProfile();
    const url = `${PUBLIC}/api/twilio/status-callback`;
    const params = {
      AccountSid: a.accountSid,
      BundleSid: victim.sid,
      Status: "twilio-rejected",
      DateUpdated: new Date(Date.now() + 60_000).toISOString(),
    };
    const response = await post(params, twilioSignature(subToken, url, params));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ result: "unknown" });
    expect((await db.twilioResource.findFirstOrThrow({ where: { sid: victim.sid } })).status).toBe("draft");
  });

  it("ignores unknown statuses, and a callback without a date never counts as the newest", async () => {
    const profile = await trackedProfile();
    const url = `${PUBLIC}/api/twilio/status-callback`;
    const send = async (params: Record<string, string>) => {
      const full = { AccountSid: DEFAULT_ACCOUNT_SID, BundleSid: profile.sid, ...params };
      return (await (await post(full, twilioSignature(DEFAULT_AUTH_TOKEN, url, full))).json()) as { result: string };
    };
    expect(await send({ Status: "totally-made-up", DateUpdated: "2026-11-21T10:00:00Z" })).toEqual({
      result: "unknown",
    });
    expect(await send({ Status: "twilio-approved", DateUpdated: "2026-11-21T10:05:00Z" })).toEqual({
      result: "updated",
    });
    // No date: an earlier stage cannot overwrite the approval, nor can a sibling final state.
    expect(await send({ Status: "pending-review" })).toEqual({ result: "stale" });
    expect(await send({ Status: "twilio-rejected" })).toEqual({ result: "stale" });
    expect(await send({ Status: "twilio-rejected", DateUpdated: "not a date" })).toEqual({ result: "stale" });
    // A replay of the approval changes nothing.
    expect(await send({ Status: "twilio-approved", DateUpdated: "2026-11-21T10:05:00Z" })).toEqual({
      result: "unchanged",
    });
    expect((await db.twilioResource.findFirstOrThrow({ where: { sid: profile.sid } })).status).toBe("twilio-approved");
  });
});
