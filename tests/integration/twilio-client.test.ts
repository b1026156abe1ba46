import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN } from "@/sandbox/defaults";

import { startTestSandbox, type TestSandbox } from "../support/sandbox-harness";

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  // Before the portal's environment is first read in this file.
  Object.assign(process.env, {
    TWILIO_ACCOUNT_SID: DEFAULT_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: DEFAULT_AUTH_TOKEN,
    TWILIO_SANDBOX_URL: sandbox.url,
  });
});
afterAll(() => sandbox.close());

describe("the portal's Twilio client", () => {
  it("is the real SDK aimed at the sandbox when TWILIO_SANDBOX_URL is set", async () => {
    const { twilioClient, twilioMode } = await import("@/lib/server/twilio/client");
    expect(twilioMode()).toBe("sandbox");
    const client = twilioClient();
    const policies = await client.trusthub.v1.policies.list();
    expect(policies.map((policy) => policy.sid)).toContain("RNdfbf3fae0e1107f8aded0e7cead80bf5");
    // And it acts in a subaccount with that subaccount's own credentials; the ISV's token is refused.
    const sub = await client.api.v2010.accounts.create({ friendlyName: "Customer" });
    expect(
      await twilioClient({ accountSid: sub.sid, authToken: DEFAULT_AUTH_TOKEN })
        .trusthub.v1.endUsers.list()
        .catch((e: unknown) => e),
    ).toMatchObject({ status: 401, code: 20003 });
    const endUser = await twilioClient({ accountSid: sub.sid, authToken: sub.authToken }).trusthub.v1.endUsers.create({
      friendlyName: "x",
      type: "authorized_representative_1",
      attributes: {},
    });
    expect(endUser.accountSid).toBe(sub.sid);
  });
});
