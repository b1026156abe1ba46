import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { addSenderNumber, senderPool } from "@/lib/server/campaigns/sender-numbers";
import { applicationStatus } from "@/lib/server/dashboard/application-status";
import { db } from "@/lib/server/db";
import { runProvisioning } from "@/lib/server/provisioning/run-provisioning";
import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN } from "@/sandbox/defaults";
import { campaignEvent, numberEvent } from "@/sandbox/events/a2p-events";

import { campaignFlow, draftFor } from "../support/campaign-flow";
import { documentedPayload, haveDocumentedEvents, shapeOf } from "../support/documented-events";
import { signedEventsRequest, startSandboxWithEventSink } from "../support/event-receiver";
import { makeUser } from "../support/factories";
import { mailOutbox } from "../support/mail-outbox";
import { giveNumber } from "../support/numbers";
import { configureIsv, recordedStep, testDeps } from "../support/provisioning";
import type { TestSandbox } from "../support/sandbox-harness";

/**
 * #25 lines 2 and 8: Twilio's example payloads for the three campaign events and the six number
 * events (../shared/twilio-docs/a2p-event-streams-setup.md) are fixtures. Each is delivered to the
 * portal's sink, signed as Twilio signs, with only the account, brand, campaign, service and number
 * identifiers set to a real customer's; the state it produces is checked (the approved example's
 * `campaignregistrationstatus: "success"` among them). The sandbox's events of the same types must
 * carry exactly the documented keys and value types.
 */
const suite = haveDocumentedEvents ? describe : describe.skip;

const HEADINGS = {
  submitted: "### Campaign registration submitted",
  approved: "### Campaign registration approved",
  failure: "### Campaign registration failure",
  registrationPending: "### Number registration pending",
  registrationSuccessful: "### Number registration successful",
  registrationFailed: "### Number registration failed",
  deregistrationPending: "### Number deregistration pending",
  deregistrationSuccessful: "### Number deregistration successful",
  deregistrationFailed: "### Number deregistration failed",
} as const;

suite("Twilio's documented campaign and number events", () => {
  let sandbox: TestSandbox;
  let stop: () => Promise<void>;
  let POST: (request: Request, context: unknown) => Promise<Response>;
  let publicBaseUrl: string;
  const { approvedBrand, sendAndApprove } = campaignFlow(() => sandbox);
  beforeAll(async () => {
    ({ sandbox, close: stop } = await startSandboxWithEventSink());
    ({ POST } = (await import("@/app/api/twilio/events/route")) as unknown as { POST: typeof POST });
    await configureIsv();
    publicBaseUrl = (await db.isvSettings.findUniqueOrThrow({ where: { id: 1 } })).publicBaseUrl!;
  });
  afterAll(() => stop());

  /** Delivers one documented payload with this customer's identifiers, signed with the ISV's token. */
  async function deliver(which: keyof typeof HEADINGS, ids: Record<string, string>) {
    const event = documentedPayload(HEADINGS[which]);
    const data: Record<string, unknown> = { ...event.data, accountsid: DEFAULT_ACCOUNT_SID };
    for (const [key, value] of Object.entries(ids)) if (key in data) data[key] = value;
    const body = JSON.stringify([{ ...event, data }]);
    const response = await POST(signedEventsRequest(publicBaseUrl, body, DEFAULT_AUTH_TOKEN), {});
    expect(response.status).toBe(200);
    return (await response.json()) as { updated: number; ignored: number };
  }

  /** A customer with a campaign sent to Twilio (PENDING) and one sender number. */
  async function withCampaign(name: string) {
    const { application, staff } = await approvedBrand(name);
    expect(await sendAndApprove(application.id, staff.id, draftFor(name))).toMatchObject({ ok: true });
    expect(await runProvisioning(application.id, testDeps(sandbox))).toEqual({ state: "DONE" });
    const service = await recordedStep(application.id, "messaging-service");
    const brand = await recordedStep(application.id, "brand");
    // A number of its own (the account's first three are taken by the other customers of this file).
    const phone = sandbox.sandbox.store.create(
      "IncomingPhoneNumber",
      DEFAULT_ACCOUNT_SID,
      { phone_number: `+1415555${String(7000 + Math.floor(Math.random() * 2000))}`, friendly_name: name },
      sandbox.sandbox.now(),
    );
    await giveNumber(application.organizationId, phone.sid, staff.id);
    expect(await addSenderNumber(application.id, phone.sid, staff.id)).toEqual({ ok: true });
    const number = (await senderPool(application.id)).numbers.find((n) => n.phoneNumberSid === phone.sid)!;
    const ids = {
      brandsid: brand.sid,
      messagingservicesid: service.sid,
      campaignsid: "CM0000000000000000000000000000000a",
      phonenumbersid: number.phoneNumberSid,
    };
    return { application, staff, ids, number };
  }

  const campaignOf = (applicationId: string) => recordedStep(applicationId, "campaign");
  const numberOf = (applicationId: string, phoneNumberSid: string) =>
    db.senderNumber.findUniqueOrThrow({
      where: { applicationId_phoneNumberSid: { applicationId, phoneNumberSid } },
    });

  it("submitted is PENDING; approved (status 'success') VERIFIED with its TCR id; a replay changes nothing", async () => {
    const { application, ids } = await withCampaign("Documented Campaign Co");
    await deliver("submitted", ids);
    expect((await campaignOf(application.id)).status).toBe("PENDING");

    await deliver("approved", ids);
    const approved = await campaignOf(application.id);
    expect(approved.status).toBe("VERIFIED");
    expect(approved.details).toMatchObject({ campaignId: "XXXXXXX" });
    expect((await db.onboardingApplication.findUniqueOrThrow({ where: { id: application.id } })).stage).toBe(
      "campaign-verified",
    );
    expect(await deliver("approved", ids)).toEqual({ updated: 0, ignored: 1 });
  });

  it("failure sends the campaign back to the customer", async () => {
    const { application, ids } = await withCampaign("Documented Failing Campaign Co");
    await deliver("failure", ids);
    expect((await campaignOf(application.id)).status).toBe("FAILED");
    const registration = await db.campaignRegistration.findUniqueOrThrow({ where: { applicationId: application.id } });
    expect(registration.status).toBe("CHANGES_REQUESTED");
  });

  it("each number registers on its own: pending, then successful or failed with its reason next to it", async () => {
    const { application, ids, number } = await withCampaign("Documented Numbers Co");
    const { user: owner } = await makeUser({ role: "CUSTOMER", organizationId: application.organizationId });
    await deliver("approved", ids);
    // The campaign is verified, but the number is not registered until Twilio says so for it.
    expect((await senderPool(application.id)).numbers.find((n) => n.inPool)!.a2p).toBe("registering");
    expect((await applicationStatus(application.id, "customer")).senders).toEqual({
      registered: 0,
      waiting: 1,
      failed: 0,
    });

    await deliver("registrationPending", ids);
    expect((await numberOf(application.id, number.phoneNumberSid)).a2pStatus).toBe("pending_registration");
    await deliver("registrationFailed", ids);
    const failed = (await senderPool(application.id)).numbers.find((n) => n.phoneNumberSid === number.phoneNumberSid)!;
    expect(failed).toMatchObject({
      a2p: "failed",
      failure: { text: "Twilio error 30126", url: "https://www.twilio.com/docs/api/errors/30126" },
    });
    expect((await applicationStatus(application.id, "customer")).senders.failed).toBe(1);
    expect(
      mailOutbox()
        .all()
        .filter((mail) => mail.to === owner.email && /could not be registered/.test(mail.subject)),
    ).toHaveLength(1);

    await deliver("registrationSuccessful", ids);
    expect(
      (await senderPool(application.id)).numbers.find((n) => n.phoneNumberSid === number.phoneNumberSid)!.a2p,
    ).toBe("registered");
    expect((await applicationStatus(application.id, "customer")).senders.registered).toBe(1);

    // Leaving: pending, then unregistered (the successful example names no campaign).
    await deliver("deregistrationPending", ids);
    expect((await numberOf(application.id, number.phoneNumberSid)).a2pStatus).toBe("pending_deregistration");
    await deliver("deregistrationSuccessful", ids);
    expect((await numberOf(application.id, number.phoneNumberSid)).a2pStatus).toBe("unregistered");
    await deliver("deregistrationFailed", ids);
    expect((await numberOf(application.id, number.phoneNumberSid)).a2pStatus).toBe("failure");
  });

  it("a number event for another customer's service, or an unknown service, changes nothing", async () => {
    const { ids } = await withCampaign("Documented Other Co");
    expect(await deliver("registrationSuccessful", { ...ids, messagingservicesid: "MG" + "0".repeat(32) })).toEqual({
      updated: 0,
      ignored: 1,
    });
  });

  it("the sandbox sends these types with exactly the documented keys and value types, and registers each number", async () => {
    const { application, number } = await withCampaign("Documented Shapes Campaign Co");
    const campaign = await campaignOf(application.id);
    const stored = sandbox.sandbox.store.get(campaign.sid)!;
    const emitted = (status: string, fields: Record<string, unknown> = {}) =>
      campaignEvent({ ...stored, fields: { ...stored.fields, campaign_status: status, ...fields } }, Date.now())!;
    expect(shapeOf(emitted("PENDING").data)).toEqual(shapeOf(documentedPayload(HEADINGS.submitted).data));
    const approved = emitted("VERIFIED", { campaign_id: "CABCDEF" });
    expect(shapeOf(approved.data)).toEqual(shapeOf(documentedPayload(HEADINGS.approved).data));
    expect(approved.data.campaignregistrationstatus).toBe("success");
    expect(shapeOf(emitted("FAILED").data)).toEqual(shapeOf(documentedPayload(HEADINGS.failure).data));
    expect(emitted("PENDING").type).toBe(documentedPayload(HEADINGS.submitted).type);

    const phone = sandbox.sandbox.store.get(number.phoneNumberSid)!;
    const service = stored.parentSid!;
    const numberShape = (kind: "registration" | "deregistration", outcome: "pending" | "successful" | "failed") =>
      numberEvent(phone, { kind, outcome, campaignSid: "CM1", messagingServiceSid: service }, Date.now());
    for (const [kind, outcome, heading] of [
      ["registration", "pending", HEADINGS.registrationPending],
      ["registration", "successful", HEADINGS.registrationSuccessful],
      ["registration", "failed", HEADINGS.registrationFailed],
      ["deregistration", "pending", HEADINGS.deregistrationPending],
      ["deregistration", "successful", HEADINGS.deregistrationSuccessful],
      ["deregistration", "failed", HEADINGS.deregistrationFailed],
    ] as const) {
      const event = numberShape(kind, outcome);
      const documented = documentedPayload(heading);
      expect([event.type, shapeOf(event.data)]).toEqual([documented.type, shapeOf(documented.data)]);
      expect(event.data.externalstatus).toBe(documented.data.externalstatus);
    }

    // End to end: the campaign verified, the sandbox registers the number and says so by events.
    await sandbox.control("POST", "advance", { sid: campaign.sid, outcome: "VERIFIED" });
    await sandbox.sandbox.settled();
    await expect
      .poll(async () => (await numberOf(application.id, number.phoneNumberSid)).a2pStatus)
      .toBe("pending_registration");
    await sandbox.control("POST", "advance", { seconds: 6 });
    await sandbox.sandbox.settled();
    await expect.poll(async () => (await numberOf(application.id, number.phoneNumberSid)).a2pStatus).toBe("registered");
  });
});
