import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/server/db";
import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN, PRIMARY_CUSTOMER_PROFILE_SID } from "@/sandbox/defaults";

import { makeUser } from "../support/factories";
import { configureIsv, submittedApplication, testDeps } from "../support/provisioning";
import { buildSecondaryProfile } from "../support/sandbox-flows";
import { startTestSandbox, type TestSandbox } from "../support/sandbox-harness";

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  Object.assign(process.env, {
    TWILIO_ACCOUNT_SID: DEFAULT_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: DEFAULT_AUTH_TOKEN,
    TWILIO_SANDBOX_URL: sandbox.url,
  });
});
afterAll(() => sandbox.close());

describe("ISV Twilio settings", () => {
  it("the primary profile is checked at Twilio: it must exist and be twilio-approved", async () => {
    const { saveTwilioSettings } = await import("@/lib/server/settings/twilio-settings");
    const { user: admin } = await makeUser({ role: "ADMIN" });
    const base = { notificationEmail: "compliance@isv.example", publicBaseUrl: "https://portal.isv.example" };
    expect(await saveTwilioSettings({ ...base, primaryCustomerProfileSid: "BU" + "f".repeat(32) }, admin.id)).toEqual({
      ok: false,
      field: "primaryCustomerProfileSid",
      message: "Twilio has no Customer Profile with this SID in your account.",
    });
    const draft = await buildSecondaryProfile(sandbox.client());
    expect(await saveTwilioSettings({ ...base, primaryCustomerProfileSid: draft.sid }, admin.id)).toMatchObject({
      ok: false,
      message: expect.stringContaining("must be twilio-approved"),
    });
    expect(
      await saveTwilioSettings({ ...base, primaryCustomerProfileSid: PRIMARY_CUSTOMER_PROFILE_SID }, admin.id),
    ).toEqual({ ok: true });
    expect(await db.isvSettings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({
      primaryCustomerProfileSid: PRIMARY_CUSTOMER_PROFILE_SID,
      notificationEmail: "compliance@isv.example",
    });
  });
});

describe("the public address Twilio calls", () => {
  it("is https for a live production portal; http only for development or the local sandbox (#26 line 8)", async () => {
    const { plainHttpRefused } = await import("@/lib/server/settings/twilio-settings");
    expect(plainHttpRefused("http://portal.isv.example", true, true)).toBe(true);
    expect(plainHttpRefused("https://portal.isv.example", true, true)).toBe(false);
    expect(plainHttpRefused("http://127.0.0.1:3000", true, false)).toBe(false);
    expect(plainHttpRefused("http://localhost:3000", false, true)).toBe(false);
  });
});

describe("the Twilio account of a customer", () => {
  it("a new subaccount through the Accounts API, or an existing one of ours; fixed once resources exist", async () => {
    const { setCustomerAccount } = await import("@/lib/server/organizations/customer-account");
    const { user: admin } = await makeUser({ role: "ADMIN" });
    await configureIsv();
    const { organization, application, staff } = await submittedApplication("Sub Account Co");

    const created = await setCustomerAccount({ organizationId: organization.id, mode: "create" }, admin.id);
    expect(created).toMatchObject({ ok: true, accountSid: expect.stringMatching(/^AC[0-9a-f]{32}$/) });
    const sub = (created as { accountSid: string }).accountSid;
    expect((await sandbox.client().api.v2010.accounts(sub).fetch()).friendlyName).toBe("Sub Account Co");

    // Someone else's account is refused.
    expect(
      await setCustomerAccount(
        { organizationId: organization.id, mode: "existing", accountSid: "AC" + "e".repeat(32) },
        admin.id,
      ),
    ).toMatchObject({ ok: false, field: "accountSid" });
    expect(
      await setCustomerAccount({ organizationId: organization.id, mode: "existing", accountSid: sub }, admin.id),
    ).toEqual({ ok: true, accountSid: sub });

    // Provisioning then happens in the subaccount (the ISV's primary profile is assigned from the parent).
    const { approveApplication } = await import("@/lib/server/applications/approve-application");
    const { runProvisioning } = await import("@/lib/server/provisioning/run-provisioning");
    await approveApplication(application.id, staff.id);
    expect(await runProvisioning(application.id, testDeps(sandbox))).toEqual({ state: "DONE" });
    const subToken = (await sandbox.client().api.v2010.accounts(sub).fetch()).authToken;
    const inSub = await sandbox.client(sub, subToken).trusthub.v1.customerProfiles.list();
    expect(inSub.map((profile) => profile.friendlyName)).toEqual([
      expect.stringContaining("Sub Account Co Secondary Customer Profile"),
    ]);
    expect(
      (await sandbox.client().trusthub.v1.customerProfiles.list()).some((profile) =>
        profile.friendlyName.includes("Sub Account Co"),
      ),
    ).toBe(false);

    expect(await setCustomerAccount({ organizationId: organization.id, mode: "isv" }, admin.id)).toMatchObject({
      ok: false,
      message: expect.stringContaining("can no longer change"),
    });
  });
});
