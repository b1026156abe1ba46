import twilio from "twilio";
import { describe, expect, it } from "vitest";

import { approveApplication } from "@/lib/server/applications/approve-application";
import { brandVerificationView, resendBrandVerification } from "@/lib/server/brands/brand-verification";
import { applicationStatus } from "@/lib/server/dashboard/application-status";
import { db } from "@/lib/server/db";
import { runProvisioning } from "@/lib/server/provisioning/run-provisioning";
import { syncStatuses } from "@/lib/server/twilio-inbound/sync-statuses";
import { TwilioHttpClient } from "@/lib/server/twilio/http-client";
import { DEFAULT_AUTH_TOKEN } from "@/sandbox/defaults";

import { makeUser } from "../support/factories";
import { mailOutbox } from "../support/mail-outbox";
import { recordedStep, submittedApplication, testDeps } from "../support/provisioning";
import type { TestSandbox } from "../support/sandbox-harness";
import { sandboxWithEventSinkForFile } from "../support/sandbox-suite";

/**
 * #13 line 3 and #25 line 5: Authentication+ for public companies. After the brand is registered,
 * The Campaign Registry emails a 2FA link to the brand contact (valid 7 days) and the brand waits
 * (30994); the portal shows the state Twilio reports. An email that did not arrive is resent from
 * Twilio's Console (no API); after a 2FA failure staff re-trigger the verification through the
 * brand's 2fa resource, accepting its new Authentication+ fee first; the click verifies the brand.
 */
let sandbox: TestSandbox;
sandboxWithEventSinkForFile((started) => (sandbox = started));

const step = recordedStep;
const syncDeps = () => ({
  accountFor: (accountSid: string) => ({
    sid: accountSid,
    sdk: twilio(accountSid, DEFAULT_AUTH_TOKEN, { httpClient: new TwilioHttpClient(sandbox.url) }),
  }),
  retry: { attempts: 2, baseMs: 5, maxMs: 10 },
  brandSpacingMs: 0,
});

describe("Authentication+ (public companies)", () => {
  it("waits for the 2FA email as Twilio reports it; after a failure staff verify again at a new fee; the click verifies the brand", async () => {
    // The sandbox runs Authentication+ for public companies named "Listed …" (sandbox/README.md).
    const { application, staff, organization } = await submittedApplication("Listed Widgets Inc");
    const { user: owner } = await makeUser({ role: "CUSTOMER", organizationId: organization.id });
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
    await syncStatuses(syncDeps());
    expect((await step(application.id, "brand")).status).toBe("PENDING");

    // Twilio reports the wait (30994): the portal's record of the email starts then.
    const sent = await db.brandVerification.findUniqueOrThrow({
      where: { applicationId_method: { applicationId: application.id, method: "email-2fa" } },
    });
    const forCustomer = (await brandVerificationView(application.id, "customer"))!;
    expect(forCustomer).toMatchObject({ method: "email-2fa", state: "pending", sentTo: "ir@acme.example" });
    expect(new Date(forCustomer.expiresAt).getTime() - sent.sentAt.getTime()).toBe(7 * 24 * 3_600_000);
    // Waiting, nobody can send it through the API: Twilio resends an email only from its Console.
    expect(forCustomer.canResend).toBe(false);
    expect((await brandVerificationView(application.id, "staff"))!.canResend).toBe(false);
    expect(await resendBrandVerification(application.id, "staff", staff.id)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Twilio's Console/),
    });
    // Eight days on, Twilio still says it waits: the state is Twilio's, not a guess from a clock.
    const eightDays = new Date(sent.sentAt.getTime() + 8 * 24 * 3_600_000);
    expect((await brandVerificationView(application.id, "customer", eightDays))!.state).toBe("pending");
    const subjects = () =>
      mailOutbox()
        .all()
        .filter((mail) => mail.to === owner.email)
        .map((mail) => mail.subject);
    expect(subjects()).toContain("Watch for The Campaign Registry's verification email");

    // Both dashboards name the wait.
    const customerStatus = await applicationStatus(application.id, "customer");
    expect(JSON.stringify(customerStatus)).toMatch(/Authentication\+/);
    expect((await db.onboardingApplication.findUniqueOrThrow({ where: { id: application.id } })).stage).toBe(
      "email-2fa-pending",
    );

    // The verification timed out (21739, nothing to fix): failed, Twilio's error shown, the
    // application not sent back; staff may verify again, at a new Authentication+ fee they must
    // accept first; the customer may not.
    await sandbox.control("POST", "advance", { sid: brand.sid, outcome: "email-2fa-failed" });
    await sandbox.sandbox.settled();
    await expect.poll(async () => (await step(application.id, "brand")).status).toBe("FAILED");
    const failedForStaff = (await brandVerificationView(application.id, "staff"))!;
    expect(failedForStaff).toMatchObject({
      state: "failed",
      canResend: true,
      failure: { code: 21739 },
      resendFeeUsd: 12.5,
    });
    expect((await brandVerificationView(application.id, "customer"))!.canResend).toBe(false);
    expect((await db.onboardingApplication.findUniqueOrThrow({ where: { id: application.id } })).status).toBe(
      "APPROVED",
    );
    const later = new Date(Date.now() + 120_000);
    expect(await resendBrandVerification(application.id, "staff", staff.id, later)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/new Authentication\+ fee \(\$12\.50\)/),
    });
    expect(
      await db.twilioCharge.count({ where: { applicationId: application.id, event: "authentication_plus" } }),
    ).toBe(0);
    expect(await resendBrandVerification(application.id, "staff", staff.id, later, { acceptFee: true })).toEqual({
      ok: true,
    });
    // Twilio's 2fa resource was called: a new verification, its fee in the portal's ledger and at Twilio.
    expect(sandbox.sandbox.store.get(brand.sid)!.fields).toMatchObject({ status: "PENDING" });
    expect(
      await db.twilioCharge.count({ where: { applicationId: application.id, event: "authentication_plus" } }),
    ).toBe(1);
    const fees = (await sandbox.control("GET", "state")).body.accounts!.flatMap((account) => account.fees);
    expect(fees.filter((fee) => fee.type === "authentication_plus" && fee.resourceSid === brand.sid)).toHaveLength(1);
    expect(subjects()).toContain("The verification email was sent again");
    expect(
      await db.auditLog.count({
        where: { targetId: application.id, action: "brand.2fa-resent", actorUserId: staff.id },
      }),
    ).toBe(1);
    // The portal follows the brand again: PENDING, until the new email is clicked.
    expect((await step(application.id, "brand")).status).toBe("PENDING");

    // The brand contact clicks the link: approved and verified; nothing left to send.
    await sandbox.control("POST", "advance", { sid: brand.sid, outcome: "email-2fa-clicked" });
    await sandbox.sandbox.settled();
    await syncStatuses(syncDeps());
    await expect.poll(async () => (await step(application.id, "brand")).status).toBe("APPROVED");
    expect((await brandVerificationView(application.id, "staff"))!).toMatchObject({
      state: "verified",
      canResend: false,
    });
    expect((await db.onboardingApplication.findUniqueOrThrow({ where: { id: application.id } })).stage).toBe(
      "brand-approved",
    );
  });
});
