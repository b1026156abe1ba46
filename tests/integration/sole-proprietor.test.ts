import twilio from "twilio";
import { describe, expect, it } from "vitest";

import { approveApplication } from "@/lib/server/applications/approve-application";
import {
  brandVerificationView,
  notifyExpiredVerifications,
  resendBrandVerification,
} from "@/lib/server/brands/brand-verification";
import { openCampaignRegistration } from "@/lib/server/campaigns/campaign-registration";
import { addSenderNumber } from "@/lib/server/campaigns/sender-numbers";
import { db } from "@/lib/server/db";
import { runProvisioning } from "@/lib/server/provisioning/run-provisioning";
import { syncStatuses } from "@/lib/server/twilio-inbound/sync-statuses";
import { TwilioHttpClient, type TwilioCallRecord } from "@/lib/server/twilio/http-client";
import { requestShakenStir } from "@/lib/server/voice/shaken-stir";
import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN } from "@/sandbox/defaults";

import { makeUser } from "../support/factories";
import { mailOutbox } from "../support/mail-outbox";
import { buyNumbersFor } from "../support/numbers";
import { recordedStep, sandboxResourcesFor, testDeps } from "../support/provisioning";
import type { TestSandbox } from "../support/sandbox-harness";
import { sandboxWithEventSinkForFile } from "../support/sandbox-suite";
import { SOLE_PROPRIETOR } from "../support/sole-proprietor";

/**
 * #13 line 2: a customer without a tax ID gets a Sole Proprietor brand through the real SDK
 * (Twilio's Sole Proprietor ISV walkthrough): a Starter Customer Profile and a Sole Proprietor
 * trust product with only their fields, BrandType SOLE_PROPRIETOR, no secondary vetting; the
 * one-time code's 24-hour window, "send it again" (SmsOtp) once a minute at most, and VERIFIED
 * once the code is confirmed.
 */
let sandbox: TestSandbox;
sandboxWithEventSinkForFile((started) => (sandbox = started));

const STARTER_POLICY = "RN806dd6cd175f314e1f96a9727ee271f4";
const SOLE_PROPRIETOR_POLICY = "RN670d5d2e282a6130ae063b234b6019c8";
const step = recordedStep;

async function account() {
  const state = await sandbox.control("GET", "state");
  return state.body.accounts!.find((a) => a.sid === DEFAULT_ACCOUNT_SID)!;
}

async function approvedSoleProprietor(name: string) {
  const organization = await db.organization.create({ data: { name } });
  const draft = structuredClone({ ...SOLE_PROPRIETOR, business: { ...SOLE_PROPRIETOR.business, businessName: name } });
  const application = await db.onboardingApplication.create({
    data: { organizationId: organization.id, draft, status: "SUBMITTED", submittedAt: new Date() },
  });
  const { user: staff } = await makeUser({ role: "STAFF" });
  const { user: owner } = await makeUser({ role: "CUSTOMER", organizationId: organization.id });
  await approveApplication(application.id, staff.id);
  return { application, staff, owner };
}

async function provisionedSoleProprietor(name: string, calls: TwilioCallRecord[] = []) {
  const approved = await approvedSoleProprietor(name);
  expect(await runProvisioning(approved.application.id, testDeps(sandbox, calls))).toEqual({ state: "DONE" });
  return approved;
}

describe("Sole Proprietor brands", () => {
  it("are built from a Starter Customer Profile and a Sole Proprietor trust product with only their fields", async () => {
    const calls: TwilioCallRecord[] = [];
    const { application } = await provisionedSoleProprietor("Jo Walks Dogs", calls);
    const resources = (await account()).resources;
    const profile = await step(application.id, "customer-profile");
    const product = await step(application.id, "trust-product");
    const sandboxProfile = resources.CustomerProfiles!.find((p) => p.sid === profile.sid)!;
    const sandboxProduct = resources.TrustProducts!.find((p) => p.sid === product.sid)!;
    expect(sandboxProfile).toMatchObject({ policy_sid: STARTER_POLICY, status: "pending-review" });
    expect(sandboxProduct).toMatchObject({ policy_sid: SOLE_PROPRIETOR_POLICY, status: "pending-review" });

    const endUsers = (resources.EndUsers ?? []).filter((user) =>
      String(user.friendly_name).startsWith("Jo Walks Dogs"),
    );
    expect(endUsers.map((user) => user.type).sort()).toEqual([
      "sole_proprietor_information",
      "starter_customer_profile_information",
    ]);
    expect(endUsers.find((user) => user.type === "starter_customer_profile_information")!.attributes).toEqual({
      first_name: "Jo",
      last_name: "Walker",
      email: "jo@example.com",
      phone_number: "+14155550142",
    });
    expect(endUsers.find((user) => user.type === "sole_proprietor_information")!.attributes).toEqual({
      brand_name: "Jo Walks Dogs",
      vertical: "PROFESSIONAL",
      mobile_phone_number: "+14155550142",
    });

    const brand = await step(application.id, "brand");
    const sandboxBrand = resources.BrandRegistrations!.find((b) => b.sid === brand.sid)!;
    expect(sandboxBrand).toMatchObject({ brand_type: "SOLE_PROPRIETOR", status: "PENDING" });
    // One create, BrandType alone, as Twilio's Sole Proprietor sample sends it.
    expect(calls.filter((call) => call.method === "POST" && call.path === "/v1/a2p/BrandRegistrations")).toHaveLength(
      1,
    );
    // BrandType alone: SkipAutomaticSecVet is not sent (the sandbox's default, false, stands).
    expect(sandboxBrand.skip_automatic_sec_vet).toBe(false);
    const fees = (await account()).fees.filter((fee) => fee.resourceSid === brand.sid).map((fee) => fee.type);
    expect(fees).toEqual(["brand_registration"]);
    const charges = await db.twilioCharge.findMany({ where: { applicationId: application.id } });
    expect(charges.map((charge) => charge.event)).toEqual(["brand_registration"]);
  });

  it("start the code's 24-hour window when the brand is APPROVED (not created), send it again at most once a minute, and turn VERIFIED once it is confirmed", async () => {
    const { application, owner } = await provisionedSoleProprietor("Jo Bakes Bread");
    const brand = await step(application.id, "brand");
    const mailsTo = () =>
      mailOutbox()
        .all()
        .filter((mail) => mail.to === owner.email)
        .map((mail) => mail.subject);
    // Created, PENDING: Twilio has texted nothing yet (walkthrough §3.1), so no window, no email,
    // and nothing to send again.
    expect(await db.brandVerification.count({ where: { applicationId: application.id } })).toBe(0);
    expect(mailsTo()).not.toContain("Reply to the text from Twilio within 24 hours");
    expect(await brandVerificationView(application.id, "customer")).toBeNull();
    expect(await resendBrandVerification(application.id, "customer", owner.id)).toMatchObject({ ok: false });

    // Trust Hub approves both bundles; TCR approves the brand with identity UNVERIFIED, which texts the code.
    for (const bundle of ["customer-profile", "trust-product"])
      await sandbox.control("POST", "advance", {
        sid: (await step(application.id, bundle)).sid,
        outcome: "twilio-approved",
      });
    await sandbox.control("POST", "advance", { sid: brand.sid, outcome: "decide" });
    await sandbox.sandbox.settled();
    // Event Streams says only brand-registered ("doesn't reflect the verification status"): the
    // portal reads the brand on that signal, without waiting for the sync.
    await expect.poll(async () => (await step(application.id, "brand")).status).toBe("APPROVED");
    expect(await step(application.id, "brand")).toMatchObject({
      status: "APPROVED",
      details: expect.objectContaining({ identityStatus: "UNVERIFIED" }),
    });
    expect((await db.onboardingApplication.findUniqueOrThrow({ where: { id: application.id } })).stage).toBe(
      "otp-pending",
    );
    // Approved is not ready: the campaign waits for VERIFIED.
    expect(await openCampaignRegistration(application.id)).toBeNull();
    const sent = await db.brandVerification.findUniqueOrThrow({
      where: { applicationId_method: { applicationId: application.id, method: "sms-otp" } },
    });
    // The customer is told to watch for the text, once, whatever brings the news again.
    await syncStatuses({ accountFor: (accountSid) => ({ sid: accountSid, sdk: sandbox.client() }) });
    expect(mailsTo().filter((subject) => subject === "Reply to the text from Twilio within 24 hours")).toHaveLength(1);
    const view = (await brandVerificationView(application.id, "customer"))!;
    expect(view).toMatchObject({ method: "sms-otp", state: "pending", sentTo: "+14155550142", canResend: true });
    expect(new Date(view.expiresAt).getTime() - sent.sentAt.getTime()).toBe(24 * 3_600_000);
    // A day later, unconfirmed: expired, and the customer may ask again.
    const dayLater = new Date(sent.sentAt.getTime() + 25 * 3_600_000);
    expect((await brandVerificationView(application.id, "customer", dayLater))!.state).toBe("expired");
    // Told once that it expired, whoever runs the check (two at once here).
    await Promise.all([notifyExpiredVerifications(dayLater), notifyExpiredVerifications(dayLater)]);
    expect(await notifyExpiredVerifications(dayLater)).toBe(0);
    expect(mailsTo().filter((subject) => subject === "Your one-time code expired: ask for a new one")).toHaveLength(1);

    // Straight away: refused (a double click sends one text); a minute later: sent through SmsOtp.
    expect(await resendBrandVerification(application.id, "customer", owner.id)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/less than a minute/),
    });
    expect(await resendBrandVerification(application.id, "customer", owner.id, dayLater)).toEqual({ ok: true });
    const twice = await Promise.all([
      resendBrandVerification(application.id, "customer", owner.id, new Date(dayLater.getTime() + 120_000)),
      resendBrandVerification(application.id, "customer", owner.id, new Date(dayLater.getTime() + 120_000)),
    ]);
    expect(twice.filter((outcome) => outcome.ok)).toHaveLength(1);
    const record = await db.brandVerification.findUniqueOrThrow({
      where: { applicationId_method: { applicationId: application.id, method: "sms-otp" } },
    });
    expect(record.sends).toBe(3);
    expect(record.expiryNotifiedAt).toBeNull();
    // The customer who clicked sees it on the page: no email for sends of theirs (#26 line 6).
    expect(mailsTo()).not.toContain("A new code is on its way to your mobile phone");
    // Twilio was asked (SmsOtp): the sandbox keeps when its last code went out.
    expect(sandbox.sandbox.store.get(brand.sid)!.fields.otp_sent_at).toBeTruthy();
    const audits = await db.auditLog.findMany({ where: { targetId: application.id, action: "brand.otp-resent" } });
    expect(audits).toHaveLength(2);
    // The new code's window starts at the resend.
    expect((await brandVerificationView(application.id, "customer", dayLater))!.state).toBe("pending");
    // A send by the provider's staff is news to the customer's users: one email each.
    const { user: staff } = await makeUser({ role: "STAFF" });
    const minutes = (n: number) => new Date(dayLater.getTime() + n * 60_000);
    expect(await resendBrandVerification(application.id, "staff", staff.id, minutes(4))).toEqual({ ok: true });
    expect(mailsTo().filter((subject) => subject === "A new code is on its way to your mobile phone")).toHaveLength(1);
    // At most five sends a day, whoever asks; each audited with the organization.
    expect(await resendBrandVerification(application.id, "customer", owner.id, minutes(6))).toEqual({ ok: true });
    expect(await resendBrandVerification(application.id, "customer", owner.id, minutes(8))).toEqual({ ok: true });
    expect(await resendBrandVerification(application.id, "customer", owner.id, minutes(10))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/5 times in the last day/),
    });
    const sends = await db.auditLog.findMany({ where: { targetId: application.id, action: "brand.otp-resent" } });
    expect(sends).toHaveLength(5);
    expect(sends.every((entry) => entry.organizationId === application.organizationId)).toBe(true);

    // The owner replies YES: the brand stays APPROVED, its identity VERIFIED (brand-verified event).
    await sandbox.control("POST", "advance", { sid: brand.sid, outcome: "otp-verified" });
    await sandbox.sandbox.settled();
    await expect
      .poll(async () => (await step(application.id, "brand")).details)
      .toMatchObject({ identityStatus: "VERIFIED" });
    expect(await openCampaignRegistration(application.id)).not.toBeNull();
    const verified = (await brandVerificationView(application.id, "customer"))!;
    expect(verified).toMatchObject({ state: "verified", canResend: false });
    expect(await resendBrandVerification(application.id, "customer", owner.id)).toMatchObject({ ok: false });
  });

  it("are offered only the SOLE_PROPRIETOR use case by Twilio's list for the brand, and one sender number", async () => {
    const { application } = await provisionedSoleProprietor("Jo Fixes Bikes");
    const brand = await step(application.id, "brand");
    const service = await step(application.id, "messaging-service");
    const client = twilio(DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN, {
      httpClient: new TwilioHttpClient(sandbox.url),
    });
    const answer = await client.messaging.v1
      .services(service.sid)
      .usAppToPersonUsecases.fetch({ brandRegistrationSid: brand.sid });
    expect(answer.usAppToPersonUsecases.map((usecase) => (usecase as { code: string }).code)).toEqual([
      "SOLE_PROPRIETOR",
    ]);
    // And one sender number: a second is refused with the reason.
    const { user: staff } = await makeUser({ role: "STAFF" });
    const [first, second] = await buyNumbersFor(application.organizationId, staff.id, 2);
    expect(await addSenderNumber(application.id, first!.sid, staff.id)).toEqual({ ok: true });
    expect(await addSenderNumber(application.id, second!.sid, staff.id)).toEqual({
      ok: false,
      message: "A Sole Proprietor brand sends from one phone number. Remove the current one first.",
    });
    expect(await addSenderNumber(application.id, first!.sid, staff.id)).toEqual({ ok: true });
    // SHAKEN/STIR needs a Secondary Customer Profile, which a sole proprietor does not have.
    expect(await requestShakenStir(application.id, [first!.sid], staff.id)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Starter profile/),
    });
  });

  it("a lost answer on the brand create and a worker that dies before looking: the resumed job adopts the one brand (one fee)", async () => {
    const { application } = await approvedSoleProprietor("Jo Crashes Carts");
    // Twilio creates the brand, the answer is lost; the worker dies before it can look (one attempt only).
    await sandbox.control("POST", "faults", {
      method: "POST",
      path: "/v1/a2p/BrandRegistrations",
      status: "reset-after",
      times: 1,
    });
    const first = await runProvisioning(application.id, {
      ...testDeps(sandbox),
      retry: { attempts: 1, baseMs: 5, maxMs: 10 },
    });
    expect(first).toMatchObject({ state: "RETRY_LATER" });
    expect(await runProvisioning(application.id, testDeps(sandbox))).toEqual({ state: "DONE" });
    const found = await sandboxResourcesFor(sandbox, "Jo Crashes Carts");
    expect(found.brands).toHaveLength(1);
    expect(found.brands[0]).toMatchObject({ brand_type: "SOLE_PROPRIETOR" });
    expect(found.brandFees).toHaveLength(1);
    expect(await db.twilioCharge.count({ where: { applicationId: application.id } })).toBe(1);
    // Still PENDING at Twilio: no code was texted, so no window was started.
    expect(await db.brandVerification.count({ where: { applicationId: application.id } })).toBe(0);
  });
});
