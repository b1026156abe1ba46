import { describe, expect, it } from "vitest";

import { approveApplication } from "@/lib/server/applications/approve-application";
import { provisioningProgress } from "@/lib/server/applications/provisioning-progress";
import { retryProvisioning } from "@/lib/server/applications/retry-provisioning";
import { applicationStatus } from "@/lib/server/dashboard/application-status";
import { db } from "@/lib/server/db";
import { finishRun } from "@/lib/server/provisioning/job";
import { runProvisioning } from "@/lib/server/provisioning/run-provisioning";
import { requestShakenStir, shakenStirView } from "@/lib/server/voice/shaken-stir";
import { DEFAULT_ACCOUNT_SID } from "@/sandbox/defaults";

import { buyNumbersFor } from "../support/numbers";
import { submittedApplication, testDeps } from "../support/provisioning";
import type { TestSandbox } from "../support/sandbox-harness";
import { sandboxWithEventSinkForFile } from "../support/sandbox-suite";

/**
 * #13 line 5: SHAKEN/STIR (seed 002) against the sandbox through the real SDK: the chosen numbers
 * on the Secondary Customer Profile and on exactly one SHAKEN/STIR TrustProduct, evaluated and
 * submitted; numbers chosen later join the same trust product; its status tracked by callbacks.
 */
let sandbox: TestSandbox;
sandboxWithEventSinkForFile((started) => (sandbox = started));

const SHAKEN_STIR_POLICY = "RN7a97559effdf62d00f4298208492a5ea";
const step = (applicationId: string, name: string) =>
  db.twilioResource.findUnique({ where: { applicationId_step: { applicationId, step: name } } });

async function approvedProfile(name: string) {
  const { application, staff } = await submittedApplication(name);
  await approveApplication(application.id, staff.id);
  expect(await runProvisioning(application.id, testDeps(sandbox))).toEqual({ state: "DONE" });
  const profile = (await step(application.id, "customer-profile"))!;
  // Numbers of its own (#26): bought for it through the portal, as staff would.
  await buyNumbersFor(application.organizationId, staff.id, 2);
  return { application, staff, profile };
}

async function sandboxState() {
  const state = await sandbox.control("GET", "state");
  return state.body.accounts!.find((a) => a.sid === DEFAULT_ACCOUNT_SID)!.resources;
}

describe("SHAKEN/STIR", () => {
  it("opens once the profile is approved; the chosen number ends on the profile and on one submitted trust product", async () => {
    const { application, staff, profile } = await approvedProfile("Calling Co");
    const before = await shakenStirView(application.id);
    expect(before.notYet).toMatch(/approved the Secondary Customer Profile/);
    const [first, second] = before.numbers;
    expect(await requestShakenStir(application.id, [first!.phoneNumberSid], staff.id)).toMatchObject({ ok: false });

    await sandbox.control("POST", "advance", { sid: profile.sid, outcome: "twilio-approved" });
    await sandbox.sandbox.settled();
    expect((await shakenStirView(application.id)).notYet).toBeNull();
    expect(await requestShakenStir(application.id, [first!.phoneNumberSid], staff.id)).toEqual({ ok: true });
    // A second request while the first is queued joins the same run.
    expect(await requestShakenStir(application.id, [second!.phoneNumberSid], staff.id)).toEqual({ ok: true });
    expect(await runProvisioning(application.id, testDeps(sandbox))).toEqual({ state: "DONE" });

    const resources = await sandboxState();
    const products = (resources.TrustProducts ?? []).filter(
      (product) => product.policy_sid === SHAKEN_STIR_POLICY && String(product.friendly_name).startsWith("Calling Co "),
    );
    expect(products).toHaveLength(1);
    expect(products[0]!.status).toBe("pending-review");
    const endpoints = (resources.ChannelEndpointAssignments ?? []) as Record<string, unknown>[];
    const on = (bundleSid: unknown) =>
      endpoints
        .filter((a) => a.customer_profile_sid === bundleSid || a.trust_product_sid === bundleSid)
        .map((a) => a.channel_endpoint_sid);
    const both = [first!.phoneNumberSid, second!.phoneNumberSid].sort();
    expect(on(products[0]!.sid).sort()).toEqual(both);
    expect(on(profile.sid).sort()).toEqual(both);
    const recorded = (await step(application.id, "shaken-stir"))!;
    expect(recorded).toMatchObject({ sid: products[0]!.sid, status: "pending-review" });

    // Asked again later, the phase runs again and creates nothing twice.
    expect(await requestShakenStir(application.id, [second!.phoneNumberSid], staff.id)).toEqual({ ok: true });
    expect(await runProvisioning(application.id, testDeps(sandbox))).toEqual({ state: "DONE" });
    const after = await sandboxState();
    expect(
      (after.TrustProducts ?? []).filter(
        (product) =>
          product.policy_sid === SHAKEN_STIR_POLICY && String(product.friendly_name).startsWith("Calling Co "),
      ),
    ).toHaveLength(1);
    const assigned = ((after.ChannelEndpointAssignments ?? []) as Record<string, unknown>[])
      .filter((a) => a.trust_product_sid === recorded.sid)
      .map((a) => a.channel_endpoint_sid)
      .sort();
    expect(assigned).toEqual([first!.phoneNumberSid, second!.phoneNumberSid].sort());
    expect((await shakenStirView(application.id)).numbers.filter((n) => n.assigned)).toHaveLength(2);

    // Trust Hub approves it: the status callback reaches the status panel.
    await sandbox.control("POST", "advance", { sid: recorded.sid, outcome: "twilio-approved" });
    await sandbox.sandbox.settled();
    expect((await applicationStatus(application.id, "customer")).statuses.shakenStir).toBe("twilio-approved");
  });

  it("numbers chosen just before a campaign approval took the job are assigned right after that phase", async () => {
    const { application, staff, profile } = await approvedProfile("Busy Line Co");
    await sandbox.control("POST", "advance", { sid: profile.sid, outcome: "twilio-approved" });
    await sandbox.sandbox.settled();
    const [number] = (await shakenStirView(application.id)).numbers;
    expect(await requestShakenStir(application.id, [number!.phoneNumberSid], staff.id)).toEqual({ ok: true });
    // Another phase takes the queued job (as a campaign approval does) and finishes.
    await db.provisioningJob.update({ where: { applicationId: application.id }, data: { phase: "registration" } });
    expect(await runProvisioning(application.id, testDeps(sandbox))).toEqual({ state: "DONE" });
    expect(await db.provisioningJob.findUniqueOrThrow({ where: { applicationId: application.id } })).toMatchObject({
      phase: "voice",
      state: "QUEUED",
    });
    expect(await runProvisioning(application.id, testDeps(sandbox))).toEqual({ state: "DONE" });
    expect((await shakenStirView(application.id)).numbers.filter((n) => n.assigned)).toHaveLength(1);
  });

  it("a request while another phase runs is queued after it, not lost when that run finishes (#24 line 3)", async () => {
    const { application, staff, profile } = await approvedProfile("Running Line Co");
    await sandbox.control("POST", "advance", { sid: profile.sid, outcome: "twilio-approved" });
    await sandbox.sandbox.settled();
    const [number] = (await shakenStirView(application.id)).numbers;
    // A campaign run holds the job (RUNNING) when the customer chooses the number.
    await db.provisioningJob.update({
      where: { applicationId: application.id },
      data: { state: "RUNNING", phase: "campaign" },
    });
    expect(await requestShakenStir(application.id, [number!.phoneNumberSid], staff.id)).toEqual({ ok: true });
    expect(await db.provisioningJob.findUniqueOrThrow({ where: { applicationId: application.id } })).toMatchObject({
      state: "RUNNING",
      phase: "campaign",
      pendingPhases: "voice",
    });
    // The campaign run ends well: the voice phase is next, not DONE.
    await finishRun(application.id, application.organizationId, "campaign");
    expect(await db.provisioningJob.findUniqueOrThrow({ where: { applicationId: application.id } })).toMatchObject({
      state: "QUEUED",
      phase: "voice",
      pendingPhases: "",
    });
    expect(await runProvisioning(application.id, testDeps(sandbox))).toEqual({ state: "DONE" });
    expect((await shakenStirView(application.id)).numbers.filter((n) => n.assigned)).toHaveLength(1);
  });

  it("a request while the job has FAILED keeps the error and staff's Retry; the numbers go once they retry (#24 line 3)", async () => {
    const { application, staff, profile } = await approvedProfile("Failed Line Co");
    await sandbox.control("POST", "advance", { sid: profile.sid, outcome: "twilio-approved" });
    await sandbox.sandbox.settled();
    const [number] = (await shakenStirView(application.id)).numbers;
    const failure = { state: "FAILED" as const, lastError: "brand: Twilio said no", lastErrorCode: 21601 };
    await db.provisioningJob.update({ where: { applicationId: application.id }, data: failure });
    expect(await requestShakenStir(application.id, [number!.phoneNumberSid], staff.id)).toEqual({ ok: true });
    expect(await db.provisioningJob.findUniqueOrThrow({ where: { applicationId: application.id } })).toMatchObject({
      ...failure,
      pendingPhases: "voice",
    });
    expect((await provisioningProgress(application.id))?.state).toBe("FAILED");
    // Staff retry: the failed phase runs again, then the voice phase.
    expect(await retryProvisioning(application.id, staff.id)).toEqual({ ok: true });
    expect(await runProvisioning(application.id, testDeps(sandbox))).toEqual({ state: "DONE" });
    expect(await db.provisioningJob.findUniqueOrThrow({ where: { applicationId: application.id } })).toMatchObject({
      state: "QUEUED",
      phase: "voice",
    });
    expect(await runProvisioning(application.id, testDeps(sandbox))).toEqual({ state: "DONE" });
    expect((await shakenStirView(application.id)).numbers.filter((n) => n.assigned)).toHaveLength(1);
  });

  it("a lost answer on the trust product's create is adopted, not duplicated", async () => {
    const { application, staff, profile } = await approvedProfile("Lost Call Co");
    await sandbox.control("POST", "advance", { sid: profile.sid, outcome: "twilio-approved" });
    await sandbox.sandbox.settled();
    const [number] = (await shakenStirView(application.id)).numbers;
    expect(await requestShakenStir(application.id, [number!.phoneNumberSid], staff.id)).toEqual({ ok: true });
    await sandbox.control("POST", "faults", {
      method: "POST",
      path: "/v1/TrustProducts",
      status: "timeout-after",
      times: 1,
    });
    expect(await runProvisioning(application.id, testDeps(sandbox))).toEqual({ state: "DONE" });
    const products = ((await sandboxState()).TrustProducts ?? []).filter(
      (product) =>
        product.policy_sid === SHAKEN_STIR_POLICY && String(product.friendly_name).startsWith("Lost Call Co "),
    );
    expect(products).toHaveLength(1);
    expect((await step(application.id, "shaken-stir"))!.sid).toBe(products[0]!.sid);
  });
});
