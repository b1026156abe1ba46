import { describe, expect, it } from "vitest";

import { openCampaignRegistration } from "@/lib/server/campaigns/campaign-registration";
import { approveCampaign } from "@/lib/server/campaigns/campaign-review";
import { addSenderNumber, removeSenderNumber } from "@/lib/server/campaigns/sender-numbers";
import { applicationStatus } from "@/lib/server/dashboard/application-status";
import { db } from "@/lib/server/db";
import { runProvisioning } from "@/lib/server/provisioning/run-provisioning";
import type { TwilioCallRecord } from "@/lib/server/twilio/http-client";
import { DEFAULT_ACCOUNT_SID } from "@/sandbox/defaults";

import { campaignFlow, draftFor } from "../support/campaign-flow";
import { giveNumber } from "../support/numbers";
import { recordedStep, testDeps } from "../support/provisioning";
import type { TestSandbox } from "../support/sandbox-harness";
import { sandboxWithEventSinkForFile } from "../support/sandbox-suite";

/**
 * #25 line 9: a SUSPENDED brand or campaign (troubleshooting-standard-lvs-brands.md): the portal
 * shows what Twilio allows and what the ISV can do, and never sends what Twilio refuses — no
 * campaign for a suspended brand (21731), no change to a suspended campaign and no number added to
 * or removed from it (21729).
 */
let sandbox: TestSandbox;
sandboxWithEventSinkForFile((started) => (sandbox = started));

const { approvedBrand, sendAndApprove } = campaignFlow(() => sandbox);

/** Twilio suspends a resource; the portal hears it by the sync's read (no event is documented for it). */
async function suspend(applicationId: string, step: "brand" | "campaign") {
  const resource = await recordedStep(applicationId, step);
  await sandbox.control("POST", "advance", { sid: resource.sid, outcome: "SUSPENDED" });
  await db.twilioResource.update({ where: { id: resource.id }, data: { status: "SUSPENDED" } });
}

function newNumber(name: string) {
  return sandbox.sandbox.store.create(
    "IncomingPhoneNumber",
    DEFAULT_ACCOUNT_SID,
    { phone_number: `+1415556${String(1000 + Math.floor(Math.random() * 8000))}`, friendly_name: name },
    sandbox.sandbox.now(),
  );
}

describe("suspensions", () => {
  it("a suspended brand gets no campaign, and the customer is told what it means instead of a fix", async () => {
    const { application, staff } = await approvedBrand("Suspended Brand Co");
    const registration = (await openCampaignRegistration(application.id))!;
    await suspend(application.id, "brand");
    const status = await applicationStatus(application.id, "customer");
    expect(status.next).toMatchObject({ title: "Your brand is suspended", who: "staff" });
    expect(status.next.text).toMatch(/cannot be changed or register new campaigns/);
    // A campaign already written is not sent to Twilio: refused with Twilio's reason.
    await db.campaignRegistration.update({
      where: { id: registration.id },
      data: { status: "SUBMITTED", draft: draftFor("Suspended Brand Co") as object },
    });
    expect(await approveCampaign(registration.id, staff.id, {})).toMatchObject({
      ok: false,
      message: expect.stringMatching(/21731/),
    });
  });

  it("a suspended campaign is never updated and its numbers are frozen, without asking Twilio", async () => {
    const name = "Suspended Campaign Co";
    const { application, staff } = await approvedBrand(name);
    expect(await sendAndApprove(application.id, staff.id, draftFor(name))).toMatchObject({ ok: true });
    expect(await runProvisioning(application.id, testDeps(sandbox))).toEqual({ state: "DONE" });
    const inPool = newNumber(name);
    await giveNumber(application.organizationId, inPool.sid, staff.id);
    const another = newNumber(name);
    await giveNumber(application.organizationId, another.sid, staff.id);
    expect(await addSenderNumber(application.id, inPool.sid, staff.id)).toEqual({ ok: true });
    await suspend(application.id, "campaign");

    const calls: TwilioCallRecord[] = [];
    const frozen = { ok: false, message: expect.stringMatching(/suspended.*21729/) };
    expect(await addSenderNumber(application.id, another.sid, staff.id)).toMatchObject(frozen);
    expect(await removeSenderNumber(application.id, inPool.sid, staff.id)).toMatchObject(frozen);
    expect((await applicationStatus(application.id, "customer")).next.title).toBe("Your campaign is suspended");

    // A fix approved by staff is refused before anything is queued; a job run sends no update either.
    const registration = await db.campaignRegistration.findUniqueOrThrow({ where: { applicationId: application.id } });
    await db.campaignRegistration.update({ where: { id: registration.id }, data: { status: "SUBMITTED" } });
    expect(await approveCampaign(registration.id, staff.id, {})).toMatchObject({
      ok: false,
      message: expect.stringMatching(/suspended.*21729/),
    });
    await db.campaignRegistration.update({
      where: { id: registration.id },
      data: { status: "APPROVED", version: { increment: 1 } },
    });
    await db.provisioningJob.update({
      where: { applicationId: application.id },
      data: { state: "QUEUED", pendingPhases: "campaign" },
    });
    const run = await runProvisioning(application.id, testDeps(sandbox, calls));
    expect(run).toMatchObject({ state: "FAILED", code: 21729 });
    expect(calls.filter((call) => call.method !== "GET" && call.path.includes("Usa2p"))).toEqual([]);
    // Sandbox: Twilio's own refusals, for anything that did ask.
    const service = await recordedStep(application.id, "messaging-service");
    const client = sandbox.client();
    await expect(
      client.messaging.v1.services(service.sid).phoneNumbers.create({ phoneNumberSid: newNumber(name).sid }),
    ).rejects.toMatchObject({ code: 21729 });
  });
});
