import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { approveApplication } from "@/lib/server/applications/approve-application";
import { db } from "@/lib/server/db";
import { runProvisioning } from "@/lib/server/provisioning/run-provisioning";
import { claimJob, drainJobs } from "@/lib/server/provisioning/worker";
import type { TwilioCallRecord } from "@/lib/server/twilio/http-client";

import { configureIsv, sandboxResourcesFor, submittedApplication, testDeps } from "../support/provisioning";
import { startTestSandbox, type TestSandbox } from "../support/sandbox-harness";

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  await configureIsv();
});
afterAll(() => sandbox.close());

async function approveAndRun(applicationId: string, staffId: string, calls: TwilioCallRecord[] = []) {
  expect(await approveApplication(applicationId, staffId)).toEqual({ ok: true, started: true });
  return runProvisioning(applicationId, testDeps(sandbox, calls));
}

async function expectExactlyOneOfEach(name: string) {
  const found = await sandboxResourcesFor(sandbox, name);
  expect(found.profiles, "secondary customer profiles").toHaveLength(1);
  expect(found.products, "A2P trust products").toHaveLength(1);
  expect(found.endUsers.map((u) => u.type).sort(), "end users").toEqual([
    "authorized_representative_1",
    "customer_profile_business_information",
    "us_a2p_messaging_profile_information",
  ]);
  expect(found.documents, "supporting documents").toHaveLength(1);
  expect(found.addresses, "addresses").toHaveLength(1);
  expect(found.services, "messaging services").toHaveLength(1);
  expect(found.brands, "brands").toHaveLength(1);
  expect(found.brandFees, "brand fees").toHaveLength(1);
  return found;
}

describe("provisioning an approved application (sandbox + real SQLite)", () => {
  it("creates exactly the seeds' resources, records every SID, and the brand reaches APPROVED", async () => {
    const { application, staff } = await submittedApplication("Happy Path Inc.");
    const calls: TwilioCallRecord[] = [];
    expect(await approveAndRun(application.id, staff.id, calls)).toEqual({ state: "DONE" });

    const found = await expectExactlyOneOfEach("Happy Path Inc.");
    expect(found.profiles[0]).toMatchObject({
      status: "pending-review",
      email: "compliance@isv.example",
      friendly_name: `Happy Path Inc. Secondary Customer Profile [app:${application.id}:customer-profile]`,
    });
    expect(found.brands[0]).toMatchObject({
      brand_type: "STANDARD",
      skip_automatic_sec_vet: false,
      a2p_profile_bundle_sid: found.products[0]!.sid,
    });

    const ledger = await db.twilioResource.findMany({ where: { applicationId: application.id } });
    expect(
      Object.fromEntries(
        ledger
          .filter((r) => ["customer-profile", "trust-product", "brand", "messaging-service"].includes(r.step))
          .map((r) => [r.step, r.sid]),
      ),
    ).toEqual({
      "customer-profile": found.profiles[0]!.sid,
      "trust-product": found.products[0]!.sid,
      brand: found.brands[0]!.sid,
      "messaging-service": found.services[0]!.sid,
    });
    expect((await db.provisioningJob.findUniqueOrThrow({ where: { applicationId: application.id } })).state).toBe(
      "DONE",
    );
    expect(calls.every((call) => call.status !== 429)).toBe(true);

    // Twilio approves the bundles, then TCR the brand.
    await sandbox.control("POST", "advance", { sid: found.profiles[0]!.sid, outcome: "twilio-approved" });
    await sandbox.control("POST", "advance", { sid: found.products[0]!.sid, outcome: "twilio-approved" });
    await sandbox.control("POST", "advance", { sid: found.brands[0]!.sid, outcome: "decide" });
    expect(
      (
        await sandbox
          .client()
          .messaging.v1.brandRegistrations(found.brands[0]!.sid as string)
          .fetch()
      ).status,
    ).toBe("APPROVED");

    // Running it again creates nothing new.
    await runProvisioning(application.id, testDeps(sandbox));
    await expectExactlyOneOfEach("Happy Path Inc.");
  });

  it("with one call at a time allowed in the account, the brand step still runs: it takes its call slot only around each request", async () => {
    const { application, staff } = await submittedApplication("One Call At A Time LLC");
    expect(await approveApplication(application.id, staff.id)).toEqual({ ok: true, started: true });
    // Held for the whole step while waiting for a second one inside the rate slot, it would wait for ever.
    expect(await runProvisioning(application.id, { ...testDeps(sandbox), concurrency: 1 })).toEqual({ state: "DONE" });
    await expectExactlyOneOfEach("One Call At A Time LLC");
  });

  it("two staff approving at the same moment start one provisioning, and one worker runs it", async () => {
    const { application, staff } = await submittedApplication("Double Click LLC");
    const outcomes = await Promise.all([
      approveApplication(application.id, staff.id),
      approveApplication(application.id, staff.id),
    ]);
    expect(outcomes.filter((o) => o.ok && o.started)).toHaveLength(1);
    expect(outcomes.filter((o) => o.ok && !o.started)).toHaveLength(1);
    expect(await db.provisioningJob.count({ where: { applicationId: application.id } })).toBe(1);
    // Two workers race for it: only one claims it.
    const claims = await Promise.all([claimJob("worker-a"), claimJob("worker-b")]);
    expect(claims.filter((claim) => claim === application.id)).toHaveLength(1);
    await db.provisioningJob.update({
      where: { applicationId: application.id },
      data: { lockedBy: null, lockedUntil: null },
    });
    const ran = await drainJobs(testDeps(sandbox));
    expect(ran.find((run) => run.applicationId === application.id)?.outcome).toEqual({ state: "DONE" });
    await expectExactlyOneOfEach("Double Click LLC");
  });

  it("a noncompliant evaluation goes back to the customer; after the fix the same bundles are updated and submitted", async () => {
    const { application, staff } = await submittedApplication("Fix Me Co", (draft) => ({
      ...draft,
      representatives: {
        ...draft.representatives,
        primary: { ...draft.representatives.primary, lastName: "Mismatch" },
      },
    }));
    expect(await approveAndRun(application.id, staff.id)).toEqual({ state: "NEEDS_CUSTOMER", fields: 2 });
    const returned = await db.onboardingApplication.findUniqueOrThrow({ where: { id: application.id } });
    expect(returned.status).toBe("CHANGES_REQUESTED");
    const comments = await db.reviewComment.findMany({ where: { applicationId: application.id, resolvedAt: null } });
    expect(comments.map((c) => c.field).sort()).toEqual([
      "representatives.primary.firstName",
      "representatives.primary.lastName",
    ]);
    expect(comments[0]!.message).toMatch(/does not match/);
    const before = await sandboxResourcesFor(sandbox, "Fix Me Co");
    expect(before.brands).toHaveLength(0);
    const rep = await db.twilioResource.findUniqueOrThrow({
      where: { applicationId_step: { applicationId: application.id, step: "representative-1" } },
    });

    // The customer fixes the name and sends it again; staff approve again.
    const draft = returned.draft as { representatives: { primary: { lastName: string } } };
    draft.representatives.primary.lastName = "Doe";
    await db.onboardingApplication.update({ where: { id: application.id }, data: { draft, status: "SUBMITTED" } });
    expect(await approveAndRun(application.id, staff.id)).toEqual({ state: "DONE" });

    const after = await expectExactlyOneOfEach("Fix Me Co");
    expect(after.profiles[0]!.sid).toBe(before.profiles[0]!.sid);
    expect(after.products[0]!.sid).toBe(before.products[0]!.sid);
    const updatedRep = after.endUsers.find((u) => u.type === "authorized_representative_1")!;
    expect(updatedRep.sid).toBe(rep.sid);
    expect((updatedRep.attributes as { last_name: string }).last_name).toBe("Doe");
  });

  it("a permanent Twilio error stops the step with Twilio's code and message kept", async () => {
    const { application, staff } = await submittedApplication("Wrong Primary Co");
    await db.isvSettings.update({ where: { id: 1 }, data: { primaryCustomerProfileSid: `BU${"0".repeat(31)}1` } });
    try {
      const outcome = await approveAndRun(application.id, staff.id);
      expect(outcome).toMatchObject({
        state: "FAILED",
        step: "assign:customer-profile:primary-customer-profile",
        code: 22205,
      });
      const job = await db.provisioningJob.findUniqueOrThrow({ where: { applicationId: application.id } });
      expect(job).toMatchObject({ state: "FAILED", lastErrorCode: 22205 });
      expect(job.lastError).toContain("is not an object of this account");
      expect((await sandboxResourcesFor(sandbox, "Wrong Primary Co")).brands).toHaveLength(0);
    } finally {
      await configureIsv();
    }
  });

  const FAULT_STEPS = [
    { method: "POST", path: "/v1/CustomerProfiles" },
    { method: "POST", path: "/v1/EndUsers" },
    { method: "POST", path: "/2010-04-01/Accounts/*" },
    { method: "POST", path: "/v1/SupportingDocuments" },
    { method: "POST", path: "/v1/CustomerProfiles/*" },
    { method: "POST", path: "/v1/TrustProducts" },
    { method: "POST", path: "/v1/TrustProducts/*" },
    { method: "POST", path: "/v1/a2p/BrandRegistrations" },
    { method: "POST", path: "/v1/Services" },
    { method: "GET", path: "/v1/a2p/BrandRegistrations" },
  ];
  const FAULTS = [500, 429, "timeout", "reset", "reset-after", "timeout-after"] as const;

  for (const [round, fault] of FAULTS.entries()) {
    it(`a ${fault} fault at every step in turn still ends with exactly one of each resource and one brand fee`, async () => {
      const name = `Faulty ${fault} Ltd`;
      const { application, staff } = await submittedApplication(name);
      for (const [index, step] of FAULT_STEPS.entries()) {
        // Every step gets a fault in every round; the kinds rotate so each step meets each kind.
        const kind = FAULTS[(index + round) % FAULTS.length];
        await sandbox.control("POST", "faults", { ...step, status: kind, times: 1 });
      }
      const calls: TwilioCallRecord[] = [];
      expect(await approveAndRun(application.id, staff.id, calls)).toEqual({ state: "DONE" });
      await expectExactlyOneOfEach(name);
      // The user never sees Twilio's 429: it was retried.
      expect((await db.provisioningJob.findUniqueOrThrow({ where: { applicationId: application.id } })).state).toBe(
        "DONE",
      );
      await sandbox
        .control("POST", "reset")
        .then(() => undefined)
        .catch(() => undefined);
    });
  }
});
