import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import twilio from "twilio";
import { describe, expect, it } from "vitest";

import { db } from "@/lib/server/db";
import { TwilioHttpClient } from "@/lib/server/twilio/http-client";
import { DEFAULT_AUTH_TOKEN } from "@/sandbox/defaults";

import { makeUser } from "../support/factories";
import { submittedApplication, testDeps } from "../support/provisioning";
import type { TestSandbox } from "../support/sandbox-harness";
import { sandboxWithEventSinkForFile } from "../support/sandbox-suite";

/**
 * The dashboard's row and the status panel follow an application through staff review, the
 * pipeline and Twilio's answers (Event Streams and the sync), with the real SDK against the sandbox.
 */
let sandbox: TestSandbox;
// Twilio moves nothing here on its own, only the tests' `advance` does: on a busy machine the brand's
// own outcome (due every 15 s until both bundles are approved) came between the bundles' approval
// and the sync, and the brand was past "pending" before the test looked.
const AN_HOUR = 3600;
sandboxWithEventSinkForFile((started) => (sandbox = started), {
  delays: { reviewSeconds: AN_HOUR, approvalSeconds: AN_HOUR, brandSeconds: AN_HOUR, campaignSeconds: AN_HOUR },
});

const row = (id: string) => db.onboardingApplication.findUniqueOrThrow({ where: { id } });
const mailsTo = (email: string) =>
  readdirSync(process.env.MAIL_OUTBOX_DIR!)
    .map(
      (file) =>
        JSON.parse(readFileSync(path.join(process.env.MAIL_OUTBOX_DIR!, file), "utf8")) as {
          to: string;
          subject: string;
          text: string;
        },
    )
    .filter((mail) => mail.to === email);

describe("the dashboard row and status of an application", () => {
  it("follow it from review to a failed brand: stages, statuses, the customer's email, the brand's errors linked to fields, the timeline", async () => {
    const { refreshDashboardRow } = await import("@/lib/server/dashboard/refresh-dashboard-row");
    const { approveApplication } = await import("@/lib/server/applications/approve-application");
    const { runProvisioning } = await import("@/lib/server/provisioning/run-provisioning");
    const { syncStatuses } = await import("@/lib/server/twilio-inbound/sync-statuses");
    const { applicationStatus } = await import("@/lib/server/dashboard/application-status");
    const { listDashboard } = await import("@/lib/server/dashboard/list-dashboard");
    const { parseDashboardQuery } = await import("@/lib/dashboard/schema");

    const { application, organization, staff } = await submittedApplication("Mismatch Brand Co");
    const { user: owner } = await makeUser({
      role: "CUSTOMER",
      organizationId: organization.id,
      email: "owner@mismatch-brand.example",
    });
    await refreshDashboardRow(application.id);
    expect(await row(application.id)).toMatchObject({
      stage: "in-staff-review",
      displayName: "Mismatch Brand Co",
      registrationNumberHint: "…6789",
      needsAction: false,
    });
    expect((await row(application.id)).searchText).toContain("owner@mismatch-brand.example");
    // The summary keeps no registration number: a hint to show and a keyed hash to search by.
    expect((await row(application.id)).searchText).not.toContain("3456789");
    expect((await row(application.id)).registrationNumberIndex).toMatch(/^[0-9a-f]{32}$/);

    await approveApplication(application.id, staff.id);
    expect((await row(application.id)).stage).toBe("provisioning");
    expect(await runProvisioning(application.id, testDeps(sandbox))).toEqual({ state: "DONE" });
    expect(await row(application.id)).toMatchObject({
      stage: "profile-in-review",
      profileStatus: "pending-review",
      trustProductStatus: "pending-review",
      brandStatus: "PENDING",
    });

    // Trust Hub approves both bundles; the sync brings the news (no callback URL is configured here).
    const sid = async (step: string) =>
      (
        await db.twilioResource.findUniqueOrThrow({
          where: { applicationId_step: { applicationId: application.id, step } },
        })
      ).sid;
    await sandbox.control("POST", "advance", { sid: await sid("customer-profile"), outcome: "twilio-approved" });
    await sandbox.control("POST", "advance", { sid: await sid("trust-product"), outcome: "twilio-approved" });
    await syncStatuses({
      accountFor: (accountSid) => ({
        sid: accountSid,
        sdk: twilio(accountSid, DEFAULT_AUTH_TOKEN /* the ISV's own account */, {
          httpClient: new TwilioHttpClient(sandbox.url),
        }),
      }),
      retry: { attempts: 2, baseMs: 5, maxMs: 10 },
    });
    expect(await row(application.id)).toMatchObject({
      stage: "brand-pending",
      profileStatus: "twilio-approved",
      trustProductStatus: "twilio-approved",
    });

    // TCR fails the brand: the Event Streams event moves the row at once, and the application goes
    // back to the customer (emailed) with the errors next to the fields, to fix and resubmit (#13).
    await sandbox.control("POST", "advance", { sid: await sid("brand"), outcome: "FAILED" });
    await sandbox.sandbox.settled();
    expect(await row(application.id)).toMatchObject({
      stage: "brand-failed",
      brandStatus: "FAILED",
      identityStatus: "UNVERIFIED",
      needsAction: true,
    });
    expect(mailsTo(owner.email).map((mail) => mail.subject)).toContain("Please update your messaging registration");

    const status = await applicationStatus(application.id, "customer");
    expect(status.stage).toBe("brand-failed");
    expect(status.problems).toHaveLength(1);
    expect(status.problems[0]).toMatchObject({ source: "Brand registration", code: 30799 });
    expect(status.problems[0]!.fields.map((field) => field.href)).toEqual([
      "/onboarding/business?field=business.businessName",
      "/onboarding/business?field=business.registrationNumber",
      "/onboarding/address?field=address.street",
    ]);
    expect(status.next.who).toBe("customer");
    const titles = status.timeline.map((event) => event.title);
    expect(titles[0]).toBe("Approved by our team");
    expect(titles).toEqual(
      expect.arrayContaining([
        "Secondary Customer Profile created at Twilio",
        "Brand registered with The Campaign Registry",
        "Everything submitted to Twilio",
        "Secondary Customer Profile: Approved",
        "BrandRegistration: Failed",
      ]),
    );
    expect(titles.indexOf("BrandRegistration: Failed")).toBe(titles.length - 1);

    // On the staff dashboard it is listed first, under "needs attention".
    const dashboard = await listDashboard(parseDashboardQuery({}));
    expect(dashboard.rows[0]).toMatchObject({
      applicationId: application.id,
      stage: "brand-failed",
      brandStatus: "FAILED",
    });
    expect(dashboard.counts["brand-failed"]).toBe(1);
    expect(dashboard.attentionCount).toBe(1);
  });

  it("show a noncompliant evaluation's failures grouped by requirement, each linked to its wizard field", async () => {
    const { approveApplication } = await import("@/lib/server/applications/approve-application");
    const { runProvisioning } = await import("@/lib/server/provisioning/run-provisioning");
    const { applicationStatus } = await import("@/lib/server/dashboard/application-status");
    const { application, staff } = await submittedApplication("Evaluated Co", (draft) => ({
      ...draft,
      representatives: {
        ...draft.representatives,
        primary: { ...draft.representatives.primary, lastName: "Mismatch" },
      },
    }));
    await approveApplication(application.id, staff.id);
    expect(await runProvisioning(application.id, testDeps(sandbox))).toMatchObject({ state: "NEEDS_CUSTOMER" });
    expect(await row(application.id)).toMatchObject({ stage: "changes-requested", needsAction: true });

    const status = await applicationStatus(application.id, "customer");
    expect(status.evaluation.corrected).toBe(false);
    const items = status.evaluation.groups.flatMap((group) => group.items);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.code).toEqual(expect.any(Number));
      // For the customer the explanation is the one sentence shown, not repeated beneath it.
      expect(item.message!.length).toBeGreaterThan(20);
      expect(item.explanation).toBe("");
    }
    const lastName = items.find((item) => item.field === "representatives.primary.lastName")!;
    expect(lastName.href).toBe("/onboarding/representatives?field=representatives.primary.lastName");
    expect(lastName.message).toMatch(/does not match/);
    expect(status.timeline.map((event) => event.title)).toContain("Twilio's evaluation found details to fix");
  });
});
