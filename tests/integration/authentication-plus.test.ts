import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { approveApplication } from "@/lib/server/applications/approve-application";
import { brandVerificationView, resendBrandVerification } from "@/lib/server/brands/brand-verification";
import { applicationStatus } from "@/lib/server/dashboard/application-status";
import { db } from "@/lib/server/db";
import { runProvisioning } from "@/lib/server/provisioning/run-provisioning";
import { syncStatuses } from "@/lib/server/twilio-inbound/sync-statuses";
import { TwilioHttpClient } from "@/lib/server/twilio/http-client";
import { DEFAULT_AUTH_TOKEN } from "@/sandbox/defaults";

import { startSandboxWithEventSink } from "../support/event-receiver";
import { makeUser } from "../support/factories";
import { mailOutbox } from "../support/mail-outbox";
import { configureIsv, recordedStep, submittedApplication, testDeps } from "../support/provisioning";
import type { TestSandbox } from "../support/sandbox-harness";

/**
 * #13 line 3: Authentication+ for public companies. After the brand is registered, The Campaign
 * Registry emails a 2FA link to the brand contact (valid 7 days) and the brand waits (30994); the
 * portal shows that state with its window, staff (not the customer) send the email again through
 * the brand's 2fa resource, and the brand is verified once the link is clicked.
 */
let sandbox: TestSandbox;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ sandbox, close: stop } = await startSandboxWithEventSink());
  await configureIsv();
});
afterAll(() => stop());

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
  it("waits for the 2FA email with its 7-day window; staff send it again; the click verifies the brand", async () => {
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

    const sent = await db.brandVerification.findUniqueOrThrow({
      where: { applicationId_method: { applicationId: application.id, method: "email-2fa" } },
    });
    const forCustomer = (await brandVerificationView(application.id, "customer"))!;
    expect(forCustomer).toMatchObject({ method: "email-2fa", state: "pending", sentTo: "ir@acme.example" });
    expect(new Date(forCustomer.expiresAt).getTime() - sent.sentAt.getTime()).toBe(7 * 24 * 3_600_000);
    // Staff send the email again; the customer cannot.
    expect(forCustomer.canResend).toBe(false);
    expect((await brandVerificationView(application.id, "staff"))!.canResend).toBe(true);
    expect(await resendBrandVerification(application.id, "customer", owner.id)).toMatchObject({ ok: false });
    // Eight days on, unclicked: expired, said in words the customer can act on.
    const eightDays = new Date(sent.sentAt.getTime() + 8 * 24 * 3_600_000);
    expect((await brandVerificationView(application.id, "customer", eightDays))!.state).toBe("expired");
    expect(await resendBrandVerification(application.id, "staff", staff.id, eightDays)).toEqual({ ok: true });
    expect(sandbox.sandbox.store.get(brand.sid)!.fields.two_fa_sent_at).toBeTruthy();
    // The customer was told to watch for the email, and that it was sent again.
    const subjects = mailOutbox()
      .all()
      .filter((mail) => mail.to === owner.email)
      .map((mail) => mail.subject);
    expect(subjects).toContain("Watch for The Campaign Registry's verification email");
    expect(subjects).toContain("The verification email was sent again");
    expect(
      await db.auditLog.count({
        where: { targetId: application.id, action: "brand.2fa-resent", actorUserId: staff.id },
      }),
    ).toBe(1);

    // Both dashboards name the wait.
    const customerStatus = await applicationStatus(application.id, "customer");
    expect(JSON.stringify(customerStatus)).toMatch(/Authentication\+/);
    const row = await db.onboardingApplication.findUniqueOrThrow({ where: { id: application.id } });
    expect(row.stage).toBe("email-2fa-pending");

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
