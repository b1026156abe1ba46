import { expect } from "vitest";

import type { CampaignDraft } from "@/lib/campaign/draft";
import { approveApplication } from "@/lib/server/applications/approve-application";
import {
  openCampaignRegistration,
  saveCampaignDraft,
  submitCampaign,
} from "@/lib/server/campaigns/campaign-registration";
import { approveCampaign } from "@/lib/server/campaigns/campaign-review";
import { db } from "@/lib/server/db";
import { runProvisioning } from "@/lib/server/provisioning/run-provisioning";

import { submittedApplication, testDeps } from "./provisioning";
import type { TestSandbox } from "./sandbox-harness";

/** A campaign that passes the pre-submission review; NAME is the business's name. */
export const GOOD_CAMPAIGN: CampaignDraft = {
  usAppToPersonUsecase: "ACCOUNT_NOTIFICATION",
  description: "Order notifications for customers of NAME who ordered online and asked for text updates.",
  messageFlow:
    "Customers opt in on our website checkout form at https://shop.example/order by ticking a box. Message and data rates may apply. Message frequency varies. Reply HELP for help.",
  sample1: "NAME: your order [order number] is ready for pickup. Reply STOP to opt out.",
  sample2: "NAME: your order [order number] has shipped and arrives on [date].",
  hasEmbeddedLinks: false,
  hasEmbeddedPhone: false,
};
export const draftFor = (name: string, changes: CampaignDraft = {}): CampaignDraft =>
  Object.fromEntries(
    Object.entries({ ...GOOD_CAMPAIGN, ...changes }).map(([key, value]) => [
      key,
      typeof value === "string" ? value.replaceAll("NAME", name) : value,
    ]),
  );

/**
 * A customer's way to a campaign, against a test sandbox: the brand approved, then a campaign
 * written by the customer and approved by staff. Shared by the campaign suites.
 */
export function campaignFlow(sandboxOf: () => TestSandbox) {
  const step = (applicationId: string, name: string) =>
    db.twilioResource.findUnique({ where: { applicationId_step: { applicationId, step: name } } });
  /** A customer whose brand Twilio approved (bundles and brand moved on by the sandbox, news by Event Streams). */
  async function approvedBrand(name: string, { mockBrands = false } = {}) {
    const { application, staff } = await submittedApplication(name);
    await approveApplication(application.id, staff.id);
    expect(await runProvisioning(application.id, { ...testDeps(sandboxOf()), mockBrands })).toEqual({ state: "DONE" });
    for (const bundle of ["customer-profile", "trust-product"])
      await sandboxOf().control("POST", "advance", {
        sid: (await step(application.id, bundle))!.sid,
        outcome: "twilio-approved",
      });
    await sandboxOf().control("POST", "advance", {
      sid: (await step(application.id, "brand"))!.sid,
      outcome: "APPROVED",
    });
    await sandboxOf().sandbox.settled();
    expect((await step(application.id, "brand"))!.status).toBe("APPROVED");
    return { application, staff };
  }

  /** The customer writes and sends the campaign; staff approve it. */
  async function sendAndApprove(applicationId: string, staffId: string, draft: CampaignDraft, consent = false) {
    let registration = (await openCampaignRegistration(applicationId))!;
    const saved = await saveCampaignDraft(registration, { expectedVersion: registration.version, draft });
    expect(saved.ok).toBe(true);
    registration = await db.campaignRegistration.findUniqueOrThrow({ where: { id: registration.id } });
    expect(await submitCampaign(registration, registration.version, staffId)).toMatchObject({ ok: true });
    return approveCampaign(registration.id, staffId, { acceptNewVettingFee: consent });
  }

  return { draftFor, approvedBrand, sendAndApprove };
}
