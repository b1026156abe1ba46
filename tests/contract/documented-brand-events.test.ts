import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { approveApplication } from "@/lib/server/applications/approve-application";
import { openCampaignRegistration } from "@/lib/server/campaigns/campaign-registration";
import { applicationStatus } from "@/lib/server/dashboard/application-status";
import { db } from "@/lib/server/db";
import { runProvisioning } from "@/lib/server/provisioning/run-provisioning";
import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN } from "@/sandbox/defaults";
import { brandEvents } from "@/sandbox/events/a2p-events";

import { documentedPayload, haveDocumentedEvents, shapeOf } from "../support/documented-events";
import { signedEventsRequest, startSandboxWithEventSink } from "../support/event-receiver";
import { makeUser } from "../support/factories";
import { mailOutbox } from "../support/mail-outbox";
import { configureIsv, recordedStep, submittedApplication, testDeps } from "../support/provisioning";
import type { TestSandbox } from "../support/sandbox-harness";

/**
 * #25 lines 1 and 2: Twilio's own example payloads for the brand events
 * (../shared/twilio-docs/a2p-event-streams-setup.md, "Read the Payloads") are the fixtures. Each is
 * delivered to the portal's Event Streams sink as Twilio delivers (signed, bodySHA256), with only
 * the account and brand SIDs set to a real customer's, and the state it produces is checked; the
 * sandbox's events of the same types must carry exactly the documented keys and value types.
 * Twilio's examples' JSON typos are fixed in tests/support/documented-events.ts, nothing else.
 */
const suite = haveDocumentedEvents ? describe : describe.skip;

const HEADINGS = {
  registered: "### Brand registered",
  failure: "#### Brand registration failure",
  verified: "### Brand verified",
  unverified: "### Brand registered unverified",
  vettedVerified: "### Brand vetted verified",
  vettingFailure: "### Brand Secondary Vetting Failure",
} as const;

suite("Twilio's documented brand events", () => {
  let sandbox: TestSandbox;
  let stop: () => Promise<void>;
  let POST: (request: Request, context: unknown) => Promise<Response>;
  let publicBaseUrl: string;
  beforeAll(async () => {
    ({ sandbox, close: stop } = await startSandboxWithEventSink());
    ({ POST } = (await import("@/app/api/twilio/events/route")) as unknown as { POST: typeof POST });
    await configureIsv();
    publicBaseUrl = (await db.isvSettings.findUniqueOrThrow({ where: { id: 1 } })).publicBaseUrl!;
  });
  afterAll(() => stop());

  /** Delivers one documented payload for this brand, signed with the ISV's token as Event Streams signs. */
  async function deliver(which: keyof typeof HEADINGS, brandSid: string) {
    const event = documentedPayload(HEADINGS[which]);
    const body = JSON.stringify([
      { ...event, data: { ...event.data, accountsid: DEFAULT_ACCOUNT_SID, brandsid: brandSid } },
    ]);
    const response = await POST(signedEventsRequest(publicBaseUrl, body, DEFAULT_AUTH_TOKEN), {});
    expect(response.status).toBe(200);
  }

  /** A customer provisioned through the sandbox, its brand waiting at TCR (PENDING). */
  async function provisioned(name: string) {
    const { application, staff, organization } = await submittedApplication(name);
    await approveApplication(application.id, staff.id);
    expect(await runProvisioning(application.id, testDeps(sandbox))).toEqual({ state: "DONE" });
    const brand = await recordedStep(application.id, "brand");
    return { application, staff, organization, brand };
  }

  const approvedMails = () =>
    mailOutbox()
      .all()
      .filter((mail) => /brand is approved/i.test(mail.subject));
  const row = (id: string) => db.onboardingApplication.findUniqueOrThrow({ where: { id } });

  it("registered then unverified (an EIN mismatch): failed, sent to fix the named fields, nobody told approved", async () => {
    const { application, brand } = await provisioned("Documented Mismatch Co");
    const before = approvedMails().length;

    await deliver("registered", brand.sid);
    // "Doesn't reflect the verification status": the brand is not approved, the TCR id is kept.
    const registered = await recordedStep(application.id, "brand");
    expect(registered.status).toBe(brand.status);
    expect(registered.details).toMatchObject({ tcrId: "XXXXXXX" });
    expect((await row(application.id)).stage).not.toBe("brand-approved");
    expect(await openCampaignRegistration(application.id)).toBeNull();

    await deliver("unverified", brand.sid);
    const failed = await recordedStep(application.id, "brand");
    expect(failed.status).toBe("FAILED");
    expect(failed.details).toMatchObject({
      identityStatus: "UNVERIFIED",
      errors: [{ code: 30795, fields: expect.arrayContaining(["business_registration_number", "business_name"]) }],
    });
    // The staff dashboard shows the brand failed; the customer is sent to fix the fields Twilio names.
    const summary = await row(application.id);
    expect(summary).toMatchObject({ stage: "brand-failed", brandStatus: "FAILED", identityStatus: "UNVERIFIED" });
    expect(summary.status).toBe("CHANGES_REQUESTED");
    const comments = await db.reviewComment.findMany({ where: { applicationId: application.id, resolvedAt: null } });
    expect(comments.map((comment) => comment.field)).toEqual(
      expect.arrayContaining(["business.businessName", "business.registrationNumber"]),
    );
    expect(comments.some((comment) => /30795|EIN/.test(comment.message))).toBe(true);
    // Nobody was told the brand is approved, and the campaign step stays closed.
    expect(approvedMails().length).toBe(before);
    expect(await openCampaignRegistration(application.id)).toBeNull();
  });

  it("registered then verified: ready for campaigns, the customer told once", async () => {
    const { application, brand, organization } = await provisioned("Documented Verified Co");
    const { user: owner } = await makeUser({ role: "CUSTOMER", organizationId: organization.id });
    await deliver("registered", brand.sid);
    expect(await openCampaignRegistration(application.id)).toBeNull();
    await deliver("verified", brand.sid);
    const verified = await recordedStep(application.id, "brand");
    expect(verified).toMatchObject({
      status: "APPROVED",
      details: expect.objectContaining({ identityStatus: "VERIFIED" }),
    });
    expect((await row(application.id)).stage).toBe("brand-approved");
    expect(await openCampaignRegistration(application.id)).not.toBeNull();
    // A replay of the same news tells nobody twice.
    await deliver("verified", brand.sid);
    const toOwner = mailOutbox()
      .all()
      .filter((mail) => mail.to === owner.email && /brand is approved/i.test(mail.subject));
    expect(toOwner).toHaveLength(1);
  });

  it("vetted-verified is ready; a secondary vetting failure is kept and opens nothing; brand-failure fails", async () => {
    const vetted = await provisioned("Documented Vetted Co");
    await deliver("vettedVerified", vetted.brand.sid);
    expect(await recordedStep(vetted.application.id, "brand")).toMatchObject({
      status: "APPROVED",
      details: expect.objectContaining({ identityStatus: "VETTED_VERIFIED", brandScore: 80 }),
    });
    expect(await openCampaignRegistration(vetted.application.id)).not.toBeNull();

    const vettingFailed = await provisioned("Documented Vetting Failure Co");
    await deliver("vettingFailure", vettingFailed.brand.sid);
    const kept = await recordedStep(vettingFailed.application.id, "brand");
    expect(kept.status).toBe(vettingFailed.brand.status);
    expect(kept.details).toMatchObject({ identityStatus: "VETTING_FAILED", errors: [{ code: 30801 }] });
    expect(await openCampaignRegistration(vettingFailed.application.id)).toBeNull();
    // The vetting outcome and what the ISV can do, for the customer and staff.
    const status = await applicationStatus(vettingFailed.application.id, "staff");
    expect(status.problems).toEqual([
      expect.objectContaining({
        source: "Secondary vetting",
        code: 30801,
        explanation: expect.stringMatching(/appeal/),
      }),
    ]);
    expect(status.next.title).toBe("Your brand's secondary vetting did not pass");

    const invalid = await provisioned("Documented Failure Co");
    await deliver("failure", invalid.brand.sid);
    expect((await recordedStep(invalid.application.id, "brand")).status).toBe("FAILED");
  });

  it("the sandbox's own failed secondary vetting reaches the portal as one: kept, not ready, the ISV told what to do", async () => {
    const { application } = await provisioned("Documented Unvetted Co");
    for (const bundle of ["customer-profile", "trust-product"])
      await sandbox.control("POST", "advance", {
        sid: (await recordedStep(application.id, bundle)).sid,
        outcome: "twilio-approved",
      });
    const brand = await recordedStep(application.id, "brand");
    await sandbox.control("POST", "advance", { sid: brand.sid, outcome: "decide" });
    await sandbox.sandbox.settled();
    // Whatever order the two events arrive in, and the brand read each prompts.
    await expect
      .poll(async () => (await recordedStep(application.id, "brand")).details)
      .toMatchObject({ identityStatus: "VETTING_FAILED", errors: [{ code: 30801 }] });
    expect(await openCampaignRegistration(application.id)).toBeNull();
    expect((await applicationStatus(application.id, "customer")).next.title).toBe(
      "Your brand's secondary vetting did not pass",
    );
  });

  it("the sandbox sends these types with exactly the documented keys and value types", async () => {
    const { brand } = await provisioned("Documented Shapes Co");
    const stored = sandbox.sandbox.store.get(brand.sid)!;
    const emitted = (fields: Record<string, unknown>, kind: "identity" | "validation-failure") =>
      brandEvents({ ...stored, fields: { ...stored.fields, ...fields } }, kind);
    const byType = (events: { type: string; data: Record<string, unknown> }[], name: string) =>
      events.find((event) => event.type.endsWith(`.${name}`))!.data;

    const verified = emitted({ status: "APPROVED", identity_status: "VERIFIED", tcr_id: "BABCDEF" }, "identity");
    expect(shapeOf(byType(verified, "brand-registered"))).toEqual(shapeOf(documentedPayload(HEADINGS.registered).data));
    expect(shapeOf(byType(verified, "brand-verified"))).toEqual(shapeOf(documentedPayload(HEADINGS.verified).data));
    const vetted = emitted(
      { status: "APPROVED", identity_status: "VETTED_VERIFIED", tcr_id: "BABCDEF", brand_score: 82 },
      "identity",
    );
    expect(shapeOf(byType(vetted, "brand-vetted-verified"))).toEqual(
      shapeOf(documentedPayload(HEADINGS.vettedVerified).data),
    );
    const unverified = emitted(
      {
        status: "FAILED",
        identity_status: "UNVERIFIED",
        tcr_id: "BABCDEF",
        errors: [
          { error_code: 30795, description: "EIN", url: "https://www.twilio.com/docs/errors/30795", fields: ["x"] },
        ],
      },
      "identity",
    );
    expect(shapeOf(byType(unverified, "brand-unverified"))).toEqual(
      shapeOf(documentedPayload(HEADINGS.unverified).data),
    );
    expect(
      Object.keys((byType(unverified, "brand-unverified").brandregistrationerrors as object[])[0]!).sort(),
    ).toEqual(
      Object.keys((documentedPayload(HEADINGS.unverified).data.brandregistrationerrors as object[])[0]!).sort(),
    );
    const vettingFailure = emitted(
      {
        status: "APPROVED",
        identity_status: "UNVERIFIED",
        vetting_failed: true,
        tcr_id: "BABCDEF",
        errors: [
          { error_code: 30801, description: "Address.", url: "https://www.twilio.com/docs/errors/30801", fields: [] },
        ],
      },
      "identity",
    );
    expect(shapeOf(byType(vettingFailure, "brand-secondary-vetting-failure"))).toEqual(
      shapeOf(documentedPayload(HEADINGS.vettingFailure).data),
    );
    expect(
      Object.keys(
        (byType(vettingFailure, "brand-secondary-vetting-failure").brandvettingerrors as object[])[0]!,
      ).sort(),
    ).toEqual(Object.keys((documentedPayload(HEADINGS.vettingFailure).data.brandvettingerrors as object[])[0]!).sort());
    const failure = emitted({ status: "FAILED" }, "validation-failure");
    expect(shapeOf(byType(failure, "brand-failure"))).toEqual(shapeOf(documentedPayload(HEADINGS.failure).data));
  });
});
