import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN } from "@/sandbox/defaults";

import { startTestSandbox, type TestSandbox } from "../support/sandbox-harness";

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
const raw = (path: string, init: RequestInit = {}) =>
  fetch(`${sandbox.url}${path}`, init).then(async (response) => ({
    status: response.status,
    body: await response.json(),
  }));
const auth = { Authorization: basic(DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN) };

describe("Twilio's authentication and error answers", () => {
  it("401 with Twilio's error JSON for a wrong or missing token", async () => {
    for (const headers of [
      {} as Record<string, string>,
      { Authorization: basic(DEFAULT_ACCOUNT_SID, "wrong") },
      { Authorization: basic("ACffffffffffffffffffffffffffffffff", DEFAULT_AUTH_TOKEN) },
    ]) {
      expect(await raw("/v1/Policies", { headers })).toEqual({
        status: 401,
        body: {
          code: 20003,
          message: "Authenticate",
          more_info: "https://www.twilio.com/docs/errors/20003",
          status: 401,
        },
      });
    }
  });

  it("404 for an unknown path or resource, 405 for a known path with another method", async () => {
    expect(await raw("/v1/Nothing", { headers: auth })).toMatchObject({
      status: 404,
      body: { code: 20404, status: 404 },
    });
    expect(await raw("/v1/EndUsers/ITffffffffffffffffffffffffffffffff", { headers: auth })).toMatchObject({
      status: 404,
      body: { code: 20404 },
    });
    expect(await raw("/v1/Policies", { method: "DELETE", headers: auth })).toMatchObject({
      status: 405,
      body: { code: 20004, status: 405 },
    });
  });

  it("the SDK raises Twilio's error with its code and status", async () => {
    const error = await sandbox
      .client()
      .trusthub.v1.endUsers("ITffffffffffffffffffffffffffffffff")
      .fetch()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, code: 20404 });
  });

  it("a subaccount accepts only its own token, and sees only its own resources", async () => {
    const parent = sandbox.client();
    const sub = await parent.api.v2010.accounts.create({ friendlyName: "Customer subaccount" });
    expect(sub.sid).toMatch(/^AC[0-9a-f]{32}$/);
    expect(sub.ownerAccountSid).toBe(DEFAULT_ACCOUNT_SID);
    const withOwnToken = sandbox.client(sub.sid, sub.authToken);
    const withParentToken = sandbox.client(sub.sid, DEFAULT_AUTH_TOKEN);

    const parentUser = await parent.trusthub.v1.endUsers.create({
      friendlyName: "parent's",
      type: "authorized_representative_1",
      attributes: {},
    });
    const subUser = await withOwnToken.trusthub.v1.endUsers.create({
      friendlyName: "sub's",
      type: "authorized_representative_1",
      attributes: {},
    });

    // The subaccount's SID with the parent's token: undocumented by Twilio, refused on every host.
    for (const call of [
      () => withParentToken.trusthub.v1.endUsers.list(),
      () => withParentToken.trusthub.v1.customerProfiles.list(),
      () => withParentToken.messaging.v1.brandRegistrations.list(),
      () => withParentToken.messaging.v1.services.list(),
      () => withParentToken.api.v2010.accounts(sub.sid).addresses.list(),
    ])
      expect(await call().catch((e: unknown) => e)).toMatchObject({ status: 401, code: 20003 });
    // The parent reaches the subaccount on the 2010 API, with the subaccount in the path.
    expect((await parent.api.v2010.accounts(sub.sid).incomingPhoneNumbers.list()).length).toBe(3);
    expect((await withOwnToken.trusthub.v1.endUsers.list()).map((user) => user.sid)).toEqual([subUser.sid]);
    expect(
      await withOwnToken.trusthub.v1
        .endUsers(parentUser.sid)
        .fetch()
        .catch((e: { status: number }) => e.status),
    ).toBe(404);
    expect((await parent.trusthub.v1.endUsers.list()).map((user) => user.sid)).not.toContain(subUser.sid);
    // Another account's token does not open a subaccount.
    const other = await parent.api.v2010.accounts.create({ friendlyName: "Another" });
    expect(
      await sandbox
        .client(sub.sid, other.authToken)
        .trusthub.v1.endUsers.list()
        .catch((e: { status: number }) => e.status),
    ).toBe(401);
    // Every account starts with a few phone numbers of its own.
    const numbers = await withOwnToken.api.v2010.accounts(sub.sid).incomingPhoneNumbers.list();
    expect(numbers.length).toBe(3);
    expect(numbers.every((number) => /^\+1\d{10}$/.test(number.phoneNumber))).toBe(true);
  });

  it("lists paginate with Twilio's meta (v1) and page fields (v2010)", async () => {
    const client = sandbox.client();
    for (let i = 0; i < 3; i++) await client.messaging.v1.services.create({ friendlyName: `svc ${i}` });
    const page = await raw("/v1/Services?PageSize=2", { headers: auth });
    expect(page.body.services).toHaveLength(2);
    expect(page.body.meta).toMatchObject({ page: 0, page_size: 2, key: "services", previous_page_url: null });
    expect(page.body.meta.next_page_url).toBe("https://messaging.twilio.com/v1/Services?PageSize=2&Page=1");
    // The SDK follows next_page_url through the sandbox.
    expect((await client.messaging.v1.services.list({ pageSize: 2 })).length).toBe(3);
    const numbers = await raw(`/2010-04-01/Accounts/${DEFAULT_ACCOUNT_SID}/IncomingPhoneNumbers.json?PageSize=2`, {
      headers: auth,
    });
    expect(numbers.body).toMatchObject({ page: 0, page_size: 2, start: 0, end: 1, previous_page_uri: null });
    expect(numbers.body.next_page_uri).toBe(
      `/2010-04-01/Accounts/${DEFAULT_ACCOUNT_SID}/IncomingPhoneNumbers.json?PageSize=2&Page=1`,
    );
  });

  it("the default account owns a twilio-approved primary customer profile", async () => {
    const profiles = await sandbox.client().trusthub.v1.customerProfiles.list({ status: "twilio-approved" });
    expect(profiles).toHaveLength(1);
    expect(profiles[0]!.policySid).toBe("RNdfbf3fae0e1107f8aded0e7cead80bf5");
  });
});
