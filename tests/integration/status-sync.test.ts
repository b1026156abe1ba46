import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/server/db";
import { TwilioHttpClient } from "@/lib/server/twilio/http-client";
import { DEFAULT_AUTH_TOKEN } from "@/sandbox/defaults";

import { configureIsv, submittedApplication, testDeps } from "../support/provisioning";
import { startTestSandbox, type TestSandbox } from "../support/sandbox-harness";

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  await configureIsv();
  Object.assign(process.env, { CRON_SECRET: "cron-secret-for-the-tests-123456" });
});
afterAll(() => sandbox.close());

describe("the status sync", () => {
  it("brings recorded bundle and brand statuses up to date with Twilio, and leaves final ones alone", async () => {
    const { syncStatuses } = await import("@/lib/server/twilio-inbound/sync-statuses");
    const { approveApplication } = await import("@/lib/server/applications/approve-application");
    const { runProvisioning } = await import("@/lib/server/provisioning/run-provisioning");
    const { application, staff } = await submittedApplication("Synced Inc.");
    await approveApplication(application.id, staff.id);
    await runProvisioning(application.id, testDeps(sandbox));
    const sid = async (step: string) =>
      (
        await db.twilioResource.findUniqueOrThrow({
          where: { applicationId_step: { applicationId: application.id, step } },
        })
      ).sid;
    const status = async (step: string) =>
      (
        await db.twilioResource.findUniqueOrThrow({
          where: { applicationId_step: { applicationId: application.id, step } },
        })
      ).status;

    await sandbox.control("POST", "advance", { sid: await sid("customer-profile"), outcome: "twilio-approved" });
    await sandbox.control("POST", "advance", { sid: await sid("trust-product"), outcome: "twilio-approved" });
    await sandbox.control("POST", "advance", { sid: await sid("brand"), outcome: "APPROVED" });
    const deps = {
      accountFor: (accountSid: string) => ({
        sid: accountSid,
        sdk: twilio(accountSid, DEFAULT_AUTH_TOKEN /* the ISV's own account */, {
          httpClient: new TwilioHttpClient(sandbox.url),
        }),
      }),
      retry: { attempts: 2, baseMs: 5, maxMs: 10 },
    };
    const first = await syncStatuses(deps);
    expect(first.failed).toBe(0);
    expect(first.changed).toBeGreaterThanOrEqual(3);
    expect([await status("customer-profile"), await status("trust-product"), await status("brand")]).toEqual([
      "twilio-approved",
      "twilio-approved",
      "APPROVED",
    ]);
    const brand = await db.twilioResource.findUniqueOrThrow({
      where: { applicationId_step: { applicationId: application.id, step: "brand" } },
    });
    expect(brand.details).toMatchObject({ identityStatus: "VETTED_VERIFIED", brandScore: 82 });
    const again = await syncStatuses(deps);
    expect(again.changed).toBe(0);
  });

  it("asks Twilio about brands at most once a second per account, as Twilio asks", async () => {
    const { syncStatuses } = await import("@/lib/server/twilio-inbound/sync-statuses");
    const { approveApplication } = await import("@/lib/server/applications/approve-application");
    const { runProvisioning } = await import("@/lib/server/provisioning/run-provisioning");
    for (const name of ["Paced One LLC", "Paced Two LLC", "Paced Three LLC"]) {
      const { application, staff } = await submittedApplication(name);
      await approveApplication(application.id, staff.id);
      expect(await runProvisioning(application.id, testDeps(sandbox))).toEqual({ state: "DONE" });
    }
    const brandFetches: number[] = [];
    const onCall = (call: { method: string; path: string; durationMs: number }) => {
      if (call.method === "GET" && call.path.startsWith("/v1/a2p/BrandRegistrations/"))
        brandFetches.push(Date.now() - call.durationMs);
    };
    await syncStatuses({
      accountFor: (accountSid) => ({
        sid: accountSid,
        sdk: twilio(accountSid, DEFAULT_AUTH_TOKEN /* the ISV's own account */, {
          httpClient: new TwilioHttpClient(sandbox.url, { onCall }),
        }),
      }),
      retry: { attempts: 2, baseMs: 5, maxMs: 10 },
    });
    expect(brandFetches.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < brandFetches.length; i++)
      expect(brandFetches[i]! - brandFetches[i - 1]!).toBeGreaterThanOrEqual(1000);
  });

  it("the cron route needs the secret", async () => {
    const { POST } = (await import("@/app/api/cron/sync/route")) as unknown as {
      POST: (request: Request, context: unknown) => Promise<Response>;
    };
    expect((await POST(new Request("http://portal.test/api/cron/sync", { method: "POST" }), {})).status).toBe(401);
    expect(
      (
        await POST(
          new Request("http://portal.test/api/cron/sync", {
            method: "POST",
            headers: { authorization: "Bearer wrong-secret-of-the-same-len" },
          }),
          {},
        )
      ).status,
    ).toBe(401);
    // As many characters as the secret, but more bytes: refused, not a 500.
    const multibyte = "é".repeat("cron-secret-for-the-tests-123456".length);
    expect(
      (
        await POST(
          new Request("http://portal.test/api/cron/sync", {
            method: "POST",
            headers: { authorization: `Bearer ${multibyte}` },
          }),
          {},
        )
      ).status,
    ).toBe(401);
  });
});
