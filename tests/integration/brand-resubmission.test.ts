import { describe, expect, it } from "vitest";

import { BRAND_RESUBMISSION_LIMIT } from "@/lib/brand/resubmission";
import { approveApplication } from "@/lib/server/applications/approve-application";
import { applicationStatus } from "@/lib/server/dashboard/application-status";
import { db } from "@/lib/server/db";
import { runProvisioning } from "@/lib/server/provisioning/run-provisioning";
import type { TwilioCallRecord } from "@/lib/server/twilio/http-client";

import { makeUser } from "../support/factories";
import { mailOutbox } from "../support/mail-outbox";
import { recordedStep, sandboxResourcesFor, submittedApplication, testDeps } from "../support/provisioning";
import type { TestSandbox } from "../support/sandbox-harness";
import { sandboxWithEventSinkForFile } from "../support/sandbox-suite";

/**
 * #13 line 1: a brand The Campaign Registry FAILED goes back to the customer with Twilio's errors
 * next to the fields; after the fix and staff approval the portal updates the bundles' items and
 * resubmits the same brand (Twilio's update), never a second one, whatever answers are lost.
 */
let sandbox: TestSandbox;
sandboxWithEventSinkForFile((started) => (sandbox = started));

const step = recordedStep;

/** Provisioned, bundles approved by Trust Hub, and the brand failed by TCR (the sandbox fails names with "Fail"). */
async function failedBrand(name: string) {
  const { application, staff, organization } = await submittedApplication(name);
  const owner = `owner@${name.toLowerCase().replaceAll(" ", "-")}.example`;
  await makeUser({ role: "CUSTOMER", organizationId: organization.id, email: owner });
  await approveApplication(application.id, staff.id);
  expect(await runProvisioning(application.id, testDeps(sandbox))).toEqual({ state: "DONE" });
  for (const bundle of ["customer-profile", "trust-product"])
    await sandbox.control("POST", "advance", {
      sid: (await step(application.id, bundle)).sid,
      outcome: "twilio-approved",
    });
  const brand = await step(application.id, "brand");
  await sandbox.control("POST", "advance", { sid: brand.sid, outcome: "decide" });
  await sandbox.sandbox.settled();
  expect((await step(application.id, "brand")).status).toBe("FAILED");
  return { application, staff, brand, owner };
}

const lastMailTo = (to: string) =>
  mailOutbox()
    .all()
    .filter((mail) => mail.to === to)
    .at(-1);

/** The customer renames the business and sends it again; staff approve. */
async function fixAndApprove(applicationId: string, staffId: string, businessName: string) {
  const current = await db.onboardingApplication.findUniqueOrThrow({ where: { id: applicationId } });
  const draft = current.draft as { business: { businessName: string } };
  draft.business.businessName = businessName;
  await db.onboardingApplication.update({ where: { id: applicationId }, data: { draft, status: "SUBMITTED" } });
  await approveApplication(applicationId, staffId);
}

/** The brand as the sandbox keeps it (its count of resubmissions is internal, not in Twilio's answer). */
function sandboxBrand(brandSid: string) {
  return sandbox.sandbox.store.get(brandSid)!.fields;
}

describe("a failed brand, fixed and resubmitted", () => {
  it("goes back to the customer with Twilio's errors on the fields, then the same brand is updated: one brand, one fee", async () => {
    const { application, staff, brand, owner } = await failedBrand("Failing Fern Co");
    const reopened = await db.onboardingApplication.findUniqueOrThrow({ where: { id: application.id } });
    expect(reopened.status).toBe("CHANGES_REQUESTED");
    const comments = await db.reviewComment.findMany({
      where: { applicationId: application.id, source: "twilio", resolvedAt: null },
    });
    expect(comments.map((comment) => comment.field).sort()).toEqual([
      "address.street",
      "business.businessName",
      "business.registrationNumber",
    ]);
    expect(comments[0]!.message).toMatch(/does not match the records/);
    expect(await db.brandResubmission.findMany({ where: { brandSid: brand.sid } })).toEqual([
      expect.objectContaining({ attempt: 1, state: "requested" }),
    ]);
    const mail = lastMailTo(owner);
    expect(mail?.subject).toBe("Please update your messaging registration");
    expect(mail?.text).toMatch(/resubmit the same brand \(2 more resubmissions possible after this one\)/);
    // The customer's status says how many attempts are left.
    const status = await applicationStatus(application.id, "customer");
    expect(status.brandAttempts).toEqual({ used: 0, limit: BRAND_RESUBMISSION_LIMIT, left: BRAND_RESUBMISSION_LIMIT });

    await fixAndApprove(application.id, staff.id, "Fern Flowers Co");
    const calls: TwilioCallRecord[] = [];
    expect(await runProvisioning(application.id, testDeps(sandbox, calls))).toEqual({ state: "DONE" });
    // The business information was updated in place, and the same brand was resubmitted once.
    const business = await step(application.id, "business-information");
    const updates = calls.filter(
      (call) => call.method === "POST" && call.path === `/v1/a2p/BrandRegistrations/${brand.sid}`,
    );
    expect(updates).toHaveLength(1);
    expect(calls.some((call) => call.method === "POST" && call.path === "/v1/a2p/BrandRegistrations")).toBe(false);
    const found = await sandboxResourcesFor(sandbox, "Failing Fern Co");
    const endUser = found.endUsers.find((user) => user.sid === business.sid)!;
    expect((endUser.attributes as { business_name: string }).business_name).toBe("Fern Flowers Co");
    expect(found.brands.map((b) => b.sid)).toEqual([brand.sid]);
    expect(found.brandFees).toHaveLength(1);
    expect(sandboxBrand(brand.sid)).toMatchObject({ status: "PENDING", resubmissions: 1 });
    expect(await db.brandResubmission.findFirstOrThrow({ where: { brandSid: brand.sid } })).toMatchObject({
      state: "sent",
    });
    expect(await db.twilioCharge.count({ where: { applicationId: application.id, event: "brand_registration" } })).toBe(
      1,
    );

    // TCR verifies the fixed brand.
    await sandbox.control("POST", "advance", { sid: brand.sid, outcome: "decide" });
    await sandbox.sandbox.settled();
    expect((await step(application.id, "brand")).status).toBe("APPROVED");
    expect((await applicationStatus(application.id, "customer")).brandAttempts).toMatchObject({ used: 1, left: 2 });

    // Running the job again sends nothing.
    const again: TwilioCallRecord[] = [];
    await db.provisioningJob.update({ where: { applicationId: application.id }, data: { state: "QUEUED" } });
    expect(await runProvisioning(application.id, testDeps(sandbox, again))).toEqual({ state: "DONE" });
    expect(
      again.filter((call) => call.path.startsWith("/v1/a2p/BrandRegistrations/") && call.method === "POST"),
    ).toEqual([]);
  });

  it("a resubmission whose answer is lost is not sent again: the rerun finds the brand moved on", async () => {
    const { application, staff, brand } = await failedBrand("Failing Fig Co");
    await fixAndApprove(application.id, staff.id, "Fig Farm Co");
    await sandbox.control("POST", "faults", {
      method: "POST",
      path: `/v1/a2p/BrandRegistrations/${brand.sid}`,
      status: "reset-after",
      times: 1,
    });
    const first = await runProvisioning(application.id, testDeps(sandbox));
    expect(first.state).not.toBe("DONE");
    expect(await db.brandResubmission.findFirstOrThrow({ where: { brandSid: brand.sid } })).toMatchObject({
      state: "sending",
    });
    await db.provisioningJob.update({
      where: { applicationId: application.id },
      data: { state: "QUEUED", runAfter: new Date() },
    });
    expect(await runProvisioning(application.id, testDeps(sandbox))).toEqual({ state: "DONE" });
    expect(sandboxBrand(brand.sid)).toMatchObject({ status: "PENDING", resubmissions: 1 });
    expect(await db.brandResubmission.findFirstOrThrow({ where: { brandSid: brand.sid } })).toMatchObject({
      state: "sent",
    });
  });

  it("waits for Trust Hub when a bundle is not approved, and goes on once it is", async () => {
    const { application, staff, brand } = await failedBrand("Failing Faro Co");
    await fixAndApprove(application.id, staff.id, "Faro Lights Co");
    // The trust product is back under Trust Hub's review when the job runs.
    const product = await step(application.id, "trust-product");
    await sandbox.control("POST", "advance", { sid: product.sid, outcome: "in-review" });
    await sandbox.sandbox.settled();
    const calls: TwilioCallRecord[] = [];
    expect(await runProvisioning(application.id, testDeps(sandbox, calls))).toEqual({ state: "DONE" });
    expect(
      calls.some((call) => call.method === "POST" && call.path === `/v1/a2p/BrandRegistrations/${brand.sid}`),
    ).toBe(false);
    // Trust Hub approves it: its status callback queues the job again, which resubmits the brand.
    await sandbox.control("POST", "advance", { sid: product.sid, outcome: "twilio-approved" });
    await sandbox.sandbox.settled();
    expect(await db.provisioningJob.findUniqueOrThrow({ where: { applicationId: application.id } })).toMatchObject({
      state: "QUEUED",
    });
    expect(await runProvisioning(application.id, testDeps(sandbox))).toEqual({ state: "DONE" });
    expect(sandboxBrand(brand.sid)).toMatchObject({ status: "PENDING", resubmissions: 1 });
  });

  it("with no resubmission left, the customer is told their provider will be in touch; Twilio's 21724 stops the job with what staff can do", async () => {
    const { application, brand, owner } = await failedBrand("Failing Finch Co");
    // Three attempts already used.
    await db.brandResubmission.deleteMany({ where: { brandSid: brand.sid } });
    for (let attempt = 1; attempt <= BRAND_RESUBMISSION_LIMIT; attempt++)
      await db.brandResubmission.create({
        data: { applicationId: application.id, brandSid: brand.sid, attempt, state: "sent", sentAt: new Date() },
      });
    await db.onboardingApplication.update({ where: { id: application.id }, data: { status: "APPROVED" } });
    await db.twilioResource.update({ where: { id: brand.id }, data: { status: "PENDING" } });
    await sandbox.control("POST", "advance", { sid: brand.sid, outcome: "FAILED" });
    await sandbox.sandbox.settled();
    expect((await db.onboardingApplication.findUniqueOrThrow({ where: { id: application.id } })).status).toBe(
      "APPROVED",
    );
    expect(lastMailTo(owner)?.subject).toBe("Your brand registration could not be verified");
    expect((await applicationStatus(application.id, "staff")).brandAttempts).toMatchObject({ left: 0 });

    // Twilio's own limit, met before the portal's count: the job stops with Twilio's code and advice.
    const { application: other, staff: otherStaff, brand: otherBrand } = await failedBrand("Failing Fox Co");
    const stored = sandbox.sandbox.store.get(otherBrand.sid)!;
    sandbox.sandbox.store.update(stored, { resubmissions: 3 }, sandbox.sandbox.now());
    await fixAndApprove(other.id, otherStaff.id, "Fox Den Co");
    expect(await runProvisioning(other.id, testDeps(sandbox))).toMatchObject({ state: "FAILED", code: 21724 });
    const job = await db.provisioningJob.findUniqueOrThrow({ where: { applicationId: other.id } });
    expect(job.lastError).toMatch(/Contact Twilio support about the brand, or register a new brand/);
    expect((await sandboxResourcesFor(sandbox, "Failing Fox Co")).brands).toHaveLength(1);
  });

  it("a brand that failed before TCR registered it (no tcr_id) is never sent an update, and says what the ISV can do (#25 line 6)", async () => {
    const { application, staff, brand } = await failedBrand("Failing Early Co");
    // As Twilio's brand-failure: the submission failed validation, so TCR gave it no id.
    sandbox.sandbox.store.update(sandbox.sandbox.store.get(brand.sid)!, { tcr_id: null }, sandbox.sandbox.now());
    await fixAndApprove(application.id, staff.id, "Early Bird Co");
    const calls: TwilioCallRecord[] = [];
    expect(await runProvisioning(application.id, testDeps(sandbox, calls))).toMatchObject({
      state: "FAILED",
      code: 21725,
    });
    expect(
      calls.filter((call) => call.method === "POST" && call.path === `/v1/a2p/BrandRegistrations/${brand.sid}`),
    ).toEqual([]);
    const job = await db.provisioningJob.findUniqueOrThrow({ where: { applicationId: application.id } });
    expect(job.lastError).toMatch(/no TCR id.*register a new brand from the corrected bundles/s);
    expect(await db.brandResubmission.findMany({ where: { brandSid: brand.sid } })).toEqual([
      expect.objectContaining({ state: "superseded" }),
    ]);
  });

  it("after an Authentication+ failure the A2P bundle goes back to pending-review before the brand update (#25 line 6)", async () => {
    const { application, staff, brand } = await failedBrand("Failing Auth Co");
    // TCR could not deliver the 2FA email (21738): the fix is the brand contact email, on the trust product.
    const recorded = await step(application.id, "brand");
    const twoFactor = { code: 21738, description: "2FA email undeliverable.", fields: ["brand_contact_email"] };
    await db.twilioResource.update({
      where: { id: recorded.id },
      data: { details: { ...(recorded.details as object), errors: [twoFactor] } },
    });
    await fixAndApprove(application.id, staff.id, "Auth Fixed Co");
    const calls: TwilioCallRecord[] = [];
    expect(await runProvisioning(application.id, testDeps(sandbox, calls))).toEqual({ state: "DONE" });
    const trustProduct = await step(application.id, "trust-product");
    const moved = calls.findIndex(
      (call) => call.method === "POST" && call.path === `/v1/TrustProducts/${trustProduct.sid}`,
    );
    const updated = calls.findIndex(
      (call) => call.method === "POST" && call.path === `/v1/a2p/BrandRegistrations/${brand.sid}`,
    );
    expect(moved).toBeGreaterThanOrEqual(0);
    expect(updated).toBeGreaterThan(moved);
    expect(sandbox.sandbox.store.get(trustProduct.sid)!.fields.status).not.toBe("twilio-approved");
    expect(trustProduct.status).toBe("pending-review");
  });
});
