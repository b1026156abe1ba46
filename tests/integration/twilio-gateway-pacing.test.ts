import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { approveApplication } from "@/lib/server/applications/approve-application";
import { resendBrandVerification } from "@/lib/server/brands/brand-verification";
import { reopenOnBrandFailure } from "@/lib/server/brands/reopen-on-brand-failure";
import { reopenFailedCampaign } from "@/lib/server/campaigns/reopen-failed-campaign";
import { db } from "@/lib/server/db";
import { runProvisioning } from "@/lib/server/provisioning/run-provisioning";
import {
  createBrand,
  fetchBrand,
  findBrandForBundles,
  listBrands,
  resendBrandOtp,
  resubmitBrand,
  retriggerBrand2fa,
} from "@/lib/server/twilio/brands";
import {
  createCampaign,
  deleteCampaign,
  fetchCampaign,
  fetchCampaignUseCases,
  findCampaignByUseCase,
  updateCampaign,
} from "@/lib/server/twilio/campaigns";
import { accountBySid } from "@/lib/server/twilio/client";
import { DEFAULT_ACCOUNT_SID } from "@/sandbox/defaults";

import { startSandboxWithEventSink } from "../support/event-receiver";
import { configureIsv, recordedStep, submittedApplication, testDeps } from "../support/provisioning";
import type { TestSandbox } from "../support/sandbox-harness";

/**
 * #24 line 2: every brand and campaign request goes through the account's one-per-second slot
 * (decision 0019), whoever makes it. Each case holds the slot as another request would, then makes
 * its request: it must wait for the slot, and leave it spaced from its own answer. Without the
 * gateway's pacing the request goes out at once and leaves the slot as it was (all of these
 * callers did so before: the brand fetch of reopen-on-brand-failure, the campaign fetch of
 * reopen-failed-campaign, and the OTP and 2FA resends of brand-verification).
 */
let sandbox: TestSandbox;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ sandbox, close: stop } = await startSandboxWithEventSink());
  await configureIsv();
});
afterAll(() => stop());

const SLOT_KEY = `${DEFAULT_ACCOUNT_SID}:a2p`;
const HOLD_MS = 700;

/** Holds the account's slot for HOLD_MS, runs the request (its answer, an error included, does not matter), and checks it waited. */
async function expectPaced(request: () => Promise<unknown>): Promise<void> {
  const until = new Date(Date.now() + HOLD_MS);
  await db.twilioRateSlot.upsert({
    where: { key: SLOT_KEY },
    create: { key: SLOT_KEY, nextAllowedAt: until },
    update: { nextAllowedAt: until },
  });
  await request().catch(() => undefined);
  const answeredAt = Date.now();
  expect(answeredAt).toBeGreaterThanOrEqual(until.getTime());
  // Released from its answer: the next request may go a spacing after it, not before.
  const slot = await db.twilioRateSlot.findUniqueOrThrow({ where: { key: SLOT_KEY } });
  expect(slot.nextAllowedAt.getTime()).toBeGreaterThan(until.getTime());
}

describe("the gateway paces every brand and campaign request", () => {
  const billing = { applicationId: "not-recorded" };
  const bundles = { customerProfileBundleSid: "BU" + "0".repeat(32), a2PProfileBundleSid: "BU" + "1".repeat(32) };
  const serviceSid = "MG" + "0".repeat(32);
  const campaignSid = "QE" + "0".repeat(32);
  const brandSid = "BN" + "0".repeat(32);

  it.each([
    ["list brands", () => accountBySid(DEFAULT_ACCOUNT_SID).then(listBrands)],
    ["find a brand", async () => findBrandForBundles(await accountBySid(DEFAULT_ACCOUNT_SID), bundles, billing)],
    [
      "create a brand",
      async () =>
        createBrand(await accountBySid(DEFAULT_ACCOUNT_SID), bundles, { brandType: "SOLE_PROPRIETOR" }, billing),
    ],
    ["fetch a brand", async () => fetchBrand(await accountBySid(DEFAULT_ACCOUNT_SID), brandSid)],
    ["resubmit a brand", async () => resubmitBrand(await accountBySid(DEFAULT_ACCOUNT_SID), brandSid)],
    ["send the SMS code again", async () => resendBrandOtp(await accountBySid(DEFAULT_ACCOUNT_SID), brandSid)],
    [
      "re-trigger Authentication+",
      async () =>
        retriggerBrand2fa(await accountBySid(DEFAULT_ACCOUNT_SID), brandSid, {
          applicationId: billing.applicationId,
          attempt: 1,
          free: true,
        }),
    ],
    ["fetch a campaign", async () => fetchCampaign(await accountBySid(DEFAULT_ACCOUNT_SID), serviceSid, campaignSid)],
    [
      "find a campaign",
      async () => findCampaignByUseCase(await accountBySid(DEFAULT_ACCOUNT_SID), serviceSid, "MIXED", billing),
    ],
    [
      "create a campaign",
      async () =>
        createCampaign(
          await accountBySid(DEFAULT_ACCOUNT_SID),
          serviceSid,
          {
            brandRegistrationSid: brandSid,
            description: "d",
            messageFlow: "m",
            messageSamples: ["s"],
            usAppToPersonUsecase: "MIXED",
            hasEmbeddedLinks: false,
            hasEmbeddedPhone: false,
          },
          billing,
        ),
    ],
    [
      "update a campaign",
      async () =>
        updateCampaign(
          await accountBySid(DEFAULT_ACCOUNT_SID),
          serviceSid,
          campaignSid,
          {
            hasEmbeddedLinks: false,
            hasEmbeddedPhone: false,
            messageSamples: ["s"],
            messageFlow: "m",
            description: "d",
            ageGated: false,
            directLending: false,
          },
          { ...billing, revettingKey: null },
        ),
    ],
    ["delete a campaign", async () => deleteCampaign(await accountBySid(DEFAULT_ACCOUNT_SID), serviceSid, campaignSid)],
  ])("%s waits for the account's slot", async (_name, request) => {
    await expectPaced(request);
  });

  it("reading the use cases a brand may register does not wait in the slot (#26 line 6): a read, not a registration", async () => {
    const until = new Date(Date.now() + 5_000);
    await db.twilioRateSlot.upsert({
      where: { key: SLOT_KEY },
      create: { key: SLOT_KEY, nextAllowedAt: until },
      update: { nextAllowedAt: until },
    });
    await fetchCampaignUseCases(await accountBySid(DEFAULT_ACCOUNT_SID), serviceSid, brandSid).catch(() => undefined);
    expect(Date.now()).toBeLessThan(until.getTime());
    // The slot is left as the registration holding it set it.
    expect((await db.twilioRateSlot.findUniqueOrThrow({ where: { key: SLOT_KEY } })).nextAllowedAt).toEqual(until);
    await db.twilioRateSlot.update({ where: { key: SLOT_KEY }, data: { nextAllowedAt: new Date() } });
  });
});

describe("the callers that once skipped the slot", () => {
  it("a failed brand's reasons, a failed campaign's reasons and a code resend wait for it", async () => {
    const { application, staff } = await submittedApplication("Paced Callers LLC");
    await approveApplication(application.id, staff.id);
    expect(await runProvisioning(application.id, testDeps(sandbox))).toEqual({ state: "DONE" });
    const brand = await recordedStep(application.id, "brand");

    // reopen-on-brand-failure: a FAILED brand whose news carried no errors fetches them.
    await expectPaced(() => reopenOnBrandFailure({ ...brand, details: {} }, {}));

    // reopen-failed-campaign: a FAILED campaign whose news carried no errors fetches them.
    await db.campaignRegistration.create({
      data: { applicationId: application.id, status: "APPROVED", draft: {} },
    });
    const campaign = await db.twilioResource.create({
      data: {
        applicationId: application.id,
        step: "campaign",
        sid: "QE" + "9".repeat(32),
        accountSid: DEFAULT_ACCOUNT_SID,
        status: "FAILED",
        details: {
          messagingServiceSid: (await recordedStep(application.id, "messaging-service")).sid,
          useCase: "MIXED",
          sentVersion: 1,
        },
      },
    });
    await expectPaced(() => reopenFailedCampaign(campaign, null));

    // brand-verification: after a 2FA failure, staff re-trigger Authentication+ (a claim the row allows).
    const recordedBrand = await recordedStep(application.id, "brand");
    await db.twilioResource.update({
      where: { id: recordedBrand.id },
      data: {
        details: {
          ...(recordedBrand.details as object),
          errors: [{ code: 21739, description: "2FA verification timed out.", fields: [] }],
        },
      },
    });
    const hourAgo = new Date(Date.now() - 3_600_000);
    await db.brandVerification.upsert({
      where: { applicationId_method: { applicationId: application.id, method: "email-2fa" } },
      create: { applicationId: application.id, method: "email-2fa", brandSid: brand.sid, sentAt: hourAgo },
      update: { sentAt: hourAgo },
    });
    await expectPaced(() =>
      resendBrandVerification(application.id, "staff", staff.id, new Date(), { acceptFee: true }),
    );
  });
});
