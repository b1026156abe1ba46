import { describe, expect, it } from "vitest";

import { approveApplication } from "@/lib/server/applications/approve-application";
import { retryProvisioning } from "@/lib/server/applications/retry-provisioning";
import { db } from "@/lib/server/db";
import { maxRetriesLater, retryLaterDelayMs } from "@/lib/server/provisioning/job";
import { runProvisioning } from "@/lib/server/provisioning/run-provisioning";
import type { TwilioCallRecord } from "@/lib/server/twilio/http-client";
import { twilioSignature } from "@/sandbox/core/signature";
import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN } from "@/sandbox/defaults";

import { mailOutbox } from "../support/mail-outbox";
import { configureIsv, sandboxResourcesFor, submittedApplication, testDeps } from "../support/provisioning";
import type { TestSandbox } from "../support/sandbox-harness";
import { sandboxWithEventSinkForFile } from "../support/sandbox-suite";

let sandbox: TestSandbox;
sandboxWithEventSinkForFile((started) => (sandbox = started));

const quick = (calls: TwilioCallRecord[] = []) => ({
  ...testDeps(sandbox, calls),
  retry: { attempts: 2, baseMs: 5, maxMs: 10 },
});
const job = (applicationId: string) => db.provisioningJob.findUniqueOrThrow({ where: { applicationId } });

describe("provisioning that recovers", () => {
  it("staff retry a FAILED job: audited, it resumes, nothing is created twice; only a FAILED job can be retried", async () => {
    const { application, staff } = await submittedApplication("Retry Me Co");
    await db.isvSettings.update({ where: { id: 1 }, data: { primaryCustomerProfileSid: `BU${"0".repeat(31)}1` } });
    await approveApplication(application.id, staff.id);
    expect(await runProvisioning(application.id, quick())).toMatchObject({ state: "FAILED", code: 22205 });
    expect(await retryProvisioning(application.id, staff.id)).toEqual({ ok: true }); // a FAILED job
    expect(await retryProvisioning(application.id, staff.id)).toMatchObject({ ok: false }); // already queued
    expect(await job(application.id)).toMatchObject({ state: "QUEUED", retryLaterCount: 0 });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "provisioning.retried", targetId: application.id },
    });
    expect(audit).toMatchObject({ actorUserId: staff.id });
    expect(audit.metadata).toMatchObject({ previousCode: 22205 });

    await configureIsv(); // the setting is fixed
    expect(await runProvisioning(application.id, quick())).toEqual({ state: "DONE" });
    const found = await sandboxResourcesFor(sandbox, "Retry Me Co");
    expect([found.profiles.length, found.products.length, found.brands.length, found.brandFees.length]).toEqual([
      1, 1, 1, 1,
    ]);
    expect(await retryProvisioning(application.id, staff.id)).toEqual({
      ok: false,
      message: "Provisioning is not stopped: there is nothing to retry.",
    });
  });

  it("'retry later' backs off and is capped: after the last attempt the job stops as FAILED with the reason", async () => {
    const { application, staff } = await submittedApplication("Flaky Twilio Co");
    await approveApplication(application.id, staff.id);
    await sandbox.control("POST", "faults", { method: "POST", path: "/v1/CustomerProfiles", status: 503, times: 1000 });
    try {
      const delays: number[] = [];
      for (let run = 1; run < maxRetriesLater(); run++) {
        const started = Date.now();
        expect(await runProvisioning(application.id, quick())).toMatchObject({ state: "RETRY_LATER" });
        const current = await job(application.id);
        expect(current).toMatchObject({ state: "QUEUED", retryLaterCount: run, lastErrorCode: 20503 });
        delays.push(current.runAfter.getTime() - started);
      }
      // 1, 2, 4 … minutes, never more than an hour.
      for (let i = 0; i < delays.length; i++) {
        expect(delays[i]!).toBeGreaterThanOrEqual(retryLaterDelayMs(i) - 50);
        expect(delays[i]!).toBeLessThanOrEqual(retryLaterDelayMs(i) + 5_000);
      }
      expect(retryLaterDelayMs(20)).toBe(60 * 60_000);
      const last = await runProvisioning(application.id, quick());
      expect(last).toMatchObject({ state: "FAILED", code: 20503 });
      expect(await job(application.id)).toMatchObject({
        state: "FAILED",
        lastError: expect.stringContaining(`Twilio kept failing after ${maxRetriesLater()} attempts`),
      });
    } finally {
      await sandbox.control("POST", "faults", { method: "POST", path: "/v1/CustomerProfiles", status: 503, times: 0 });
      sandbox.sandbox.faults = [];
    }
    // Once Twilio is back, staff retry and it completes.
    expect(await retryProvisioning(application.id, staff.id)).toEqual({ ok: true });
    expect(await runProvisioning(application.id, quick())).toEqual({ state: "DONE" });
  });

  it("a profile Twilio rejects after submission reopens the application with Twilio's reasons; the fix resubmits the same bundles", async () => {
    const { application, staff, organization } = await submittedApplication("Rejected Later Co");
    await db.user.create({
      data: { email: "owner@rejected-later.example", role: "CUSTOMER", organizationId: organization.id },
    });
    await approveApplication(application.id, staff.id);
    expect(await runProvisioning(application.id, quick())).toEqual({ state: "DONE" });
    const profile = await db.twilioResource.findUniqueOrThrow({
      where: { applicationId_step: { applicationId: application.id, step: "customer-profile" } },
    });
    const representative = await db.twilioResource.findUniqueOrThrow({
      where: { applicationId_step: { applicationId: application.id, step: "representative-1" } },
    });

    // Trust Hub's reviewer rejects it; the signed status callback brings the news.
    await sandbox.control("POST", "advance", { sid: profile.sid, outcome: "in-review" });
    await sandbox.control("POST", "advance", { sid: profile.sid, outcome: "twilio-rejected" });
    await sandbox.sandbox.settled();
    const reopened = await db.onboardingApplication.findUniqueOrThrow({ where: { id: application.id } });
    expect(reopened.status).toBe("CHANGES_REQUESTED");
    expect(await job(application.id)).toMatchObject({ state: "NEEDS_CUSTOMER", lastErrorCode: 22217 });
    const comments = await db.reviewComment.findMany({
      where: { applicationId: application.id, source: "twilio", resolvedAt: null },
    });
    expect(comments).toEqual([
      expect.objectContaining({
        field: "business.businessName",
        message: "The business could not be verified by the Trust Hub reviewer.",
      }),
    ]);
    const mail = mailOutbox()
      .all()
      .filter((m) => m.to === "owner@rejected-later.example");
    expect(mail.at(-1)?.subject).toBe("Please update your messaging registration");
    expect(mail.at(-1)?.text).toMatch(/Twilio reviewed Rejected Later Co's business profile and could not approve it/);
    // The same callback delivered again (Twilio repeats them) changes nothing.
    const { POST } = (await import("@/app/api/twilio/status-callback/route")) as unknown as {
      POST: (request: Request, context: unknown) => Promise<Response>;
    };
    const { publicBaseUrl } = await db.isvSettings.findUniqueOrThrow({ where: { id: 1 } });
    const url = `${publicBaseUrl}/api/twilio/status-callback`;
    const params = { AccountSid: DEFAULT_ACCOUNT_SID, BundleSid: profile.sid, Status: "twilio-rejected" };
    const again = await POST(
      new Request(url, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-twilio-signature": twilioSignature(DEFAULT_AUTH_TOKEN, url, params),
        },
        body: new URLSearchParams(params),
      }),
      {},
    );
    expect(await again.json()).toEqual({ result: "unchanged" });
    expect(
      await db.auditLog.count({ where: { action: "provisioning.twilio_rejected", targetId: application.id } }),
    ).toBe(1);

    // The customer fixes a detail and sends it again; staff approve; the same bundles are updated and resubmitted.
    const draft = reopened.draft as { representatives: { primary: { lastName: string } } };
    draft.representatives.primary.lastName = "Corrected";
    await db.onboardingApplication.update({ where: { id: application.id }, data: { draft, status: "SUBMITTED" } });
    await approveApplication(application.id, staff.id);
    expect(await runProvisioning(application.id, quick())).toEqual({ state: "DONE" });
    const found = await sandboxResourcesFor(sandbox, "Rejected Later Co");
    expect(found.profiles.map((p) => p.sid)).toEqual([profile.sid]);
    expect(found.profiles[0]!.status).toBe("pending-review");
    const rep = found.endUsers.find((user) => user.sid === representative.sid)!;
    expect((rep.attributes as { last_name: string }).last_name).toBe("Corrected");
    expect(found.brandFees).toHaveLength(1);
  });
});

describe("adoption that scales", () => {
  it("1,500 brands in the account, a crash after the brand create, resume: no second brand", async () => {
    const { application, staff } = await submittedApplication("Crowded Account Co");
    // 1,500 other customers' brands, listed before ours (Twilio publishes no order for this list).
    const later = sandbox.sandbox.now() + 86_400_000;
    for (let i = 0; i < 1500; i++)
      sandbox.sandbox.store.create(
        "BrandRegistration",
        DEFAULT_ACCOUNT_SID,
        {
          customer_profile_bundle_sid: `BU${i.toString(16).padStart(32, "a")}`,
          a2p_profile_bundle_sid: `BU${i.toString(16).padStart(32, "b")}`,
          brand_type: "STANDARD",
          status: "APPROVED",
          errors: [],
        },
        later + i,
      );
    await approveApplication(application.id, staff.id);
    // Twilio creates the brand, and the answer is lost; the worker dies before it can look (one attempt only).
    await sandbox.control("POST", "faults", {
      method: "POST",
      path: "/v1/a2p/BrandRegistrations",
      status: "reset-after",
      times: 1,
    });
    const first = await runProvisioning(application.id, { ...quick(), retry: { attempts: 1, baseMs: 5, maxMs: 10 } });
    expect(first).toMatchObject({ state: "RETRY_LATER" });
    expect(await db.twilioCreateIntent.count({ where: { applicationId: application.id, step: "brand" } })).toBe(1);

    const calls: TwilioCallRecord[] = [];
    expect(await runProvisioning(application.id, quick(calls))).toEqual({ state: "DONE" });
    const found = await sandboxResourcesFor(sandbox, "Crowded Account Co");
    expect(found.brands).toHaveLength(1);
    expect(found.brandFees).toHaveLength(1);
    const recorded = await db.twilioResource.findUniqueOrThrow({
      where: { applicationId_step: { applicationId: application.id, step: "brand" } },
    });
    expect(recorded.sid).toBe(found.brands[0]!.sid);
    // The look-up read past the first 1,000 brands, and the intent is gone with the recorded SID.
    expect(calls.filter((c) => c.method === "GET" && c.path === "/v1/a2p/BrandRegistrations").length).toBe(2);
    expect(calls.some((c) => c.method === "POST" && c.path === "/v1/a2p/BrandRegistrations")).toBe(false);
    expect(await db.twilioCreateIntent.count({ where: { applicationId: application.id } })).toBe(0);
  });

  it("TWILIO_MOCK_BRANDS registers the brand as a Twilio mock brand", async () => {
    const { application, staff } = await submittedApplication("Mock Brand Co");
    await approveApplication(application.id, staff.id);
    expect(await runProvisioning(application.id, { ...quick(), mockBrands: true })).toEqual({ state: "DONE" });
    const { brands, brandFees } = await sandboxResourcesFor(sandbox, "Mock Brand Co");
    expect(brands[0]).toMatchObject({ mock: true });
    // Mock brands cost nothing, at Twilio and in the portal's fee ledger (mock-brand-api.md; #25 line 7).
    expect(brandFees).toEqual([]);
    expect(await db.twilioCharge.count({ where: { applicationId: application.id } })).toBe(0);
  });

  it("the mock-brands setting registers mock brands from the next run on, without a restart", async () => {
    await db.isvSettings.update({ where: { id: 1 }, data: { mockBrands: true } });
    try {
      const { application, staff } = await submittedApplication("Mock Setting Co");
      await approveApplication(application.id, staff.id);
      expect(await runProvisioning(application.id, quick())).toEqual({ state: "DONE" });
      expect((await sandboxResourcesFor(sandbox, "Mock Setting Co")).brands[0]).toMatchObject({ mock: true });
    } finally {
      await db.isvSettings.update({ where: { id: 1 }, data: { mockBrands: false } });
    }
    const { application, staff } = await submittedApplication("Real Brand Co");
    await approveApplication(application.id, staff.id);
    expect(await runProvisioning(application.id, quick())).toEqual({ state: "DONE" });
    expect((await sandboxResourcesFor(sandbox, "Real Brand Co")).brands[0]).toMatchObject({ mock: false });
  });

  it("without a lost answer there is no look-up: a first provisioning lists nothing it creates", async () => {
    const { application, staff } = await submittedApplication("No Lookups Co");
    await approveApplication(application.id, staff.id);
    const calls: TwilioCallRecord[] = [];
    expect(await runProvisioning(application.id, quick(calls))).toEqual({ state: "DONE" });
    const lists = calls.filter(
      (c) =>
        c.method === "GET" &&
        ["/v1/EndUsers", "/v1/SupportingDocuments", "/v1/a2p/BrandRegistrations", "/v1/Services"].includes(c.path),
    );
    expect(lists).toEqual([]);
  });
});
