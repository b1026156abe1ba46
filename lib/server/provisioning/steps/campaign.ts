import "server-only";

import type { Prisma } from "@prisma/client";

import { normalizeRegistrationErrors } from "@/lib/brand/details";
import { campaignChange, createOnlyValues } from "@/lib/campaign/change-kind";
import { campaignLedgerDetails, type CampaignLedgerDetails } from "@/lib/campaign/ledger-details";
import { campaignCreateOptions, campaignUpdateOptions } from "@/lib/campaign/payload";

import { audit } from "../../audit/audit";
import type { ApprovedCampaign } from "../../campaigns/approved-campaign";
import { db } from "../../db";
import {
  adoptedRevetting,
  createCampaign,
  deleteCampaign,
  fetchCampaign,
  findCampaignByUseCase,
  updateCampaign,
  type Campaign,
} from "../../twilio/campaigns";
import { adoptOrCreate } from "../adopt-or-create";
import { TwilioStepError } from "../errors";
import { recordSid } from "../ledger";
import { withRetry } from "../retry";
import { sidOf, type StepContext } from "../step-context";

const CAMPAIGN_STEP = "campaign";

/**
 * Twilio's Sole Proprietor walkthrough (§5.2): "implement at least a 5-second delay between removing
 * the existing Campaign and creating a new one on the same Messaging Service".
 */
export const CAMPAIGN_RECREATE_GAP_MS = 5000;

/** Statuses under which Twilio is still taking the campaign in: it is never updated then (live-twilio.md §9). */
const UNDER_VETTING = ["PENDING", "IN_PROGRESS"];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The A2P campaign (UsAppToPerson, seed 000 section 5) on the customer's Messaging Service, after
 * staff approved it. Vetting costs a fee, so (decision 0012):
 * - no campaign recorded → created exactly once through adoptOrCreate (intent recorded first; after
 *   a lost answer, the service's campaigns are read and the one with this use case adopted);
 * - recorded, same use case, this version not sent yet → updated in place (Twilio's update takes
 *   no use case); a failed campaign goes back to vetting, charged again;
 * - recorded with another use case, or other opt-in/opt-out/help messages or keywords (fields
 *   Twilio's update does not take) → deleted and created anew (staff confirmed the new fee).
 * Every campaign request is paced, fenced and billed by the gateway (twilio/campaigns.ts).
 */
export function campaignStep(ctx: StepContext, approved: ApprovedCampaign): () => Promise<void> {
  return async () => {
    const brandSid = await sidOf(ctx, "brand");
    const serviceSid = await sidOf(ctx, "messaging-service");
    const { campaign, version } = approved;
    const billing = { applicationId: ctx.applicationId, fence: ctx.fence };
    const ledger = (instance: Campaign, extra: Partial<CampaignLedgerDetails> = {}) => ({
      sid: instance.sid,
      status: instance.campaignStatus ?? null,
      details: {
        messagingServiceSid: serviceSid,
        useCase: instance.usAppToPersonUsecase ?? campaign.usAppToPersonUsecase,
        sentVersion: version,
        campaignId: instance.campaignId ?? null,
        errors: normalizeRegistrationErrors(instance.errors),
        // Sent on create and unchanged by an update (which replaces the campaign when they differ).
        createOnly: createOnlyValues(campaign),
        ...extra,
      } satisfies CampaignLedgerDetails,
    });

    let recorded = await db.twilioResource.findUnique({
      where: { applicationId_step: { applicationId: ctx.applicationId, step: CAMPAIGN_STEP } },
    });
    const known = campaignLedgerDetails(recorded?.details);
    // A new use case, or a new opt-in/opt-out/help message or keyword, is not something Twilio's
    // update takes: the campaign is deleted and created again (staff accepted the new fee).
    const change = campaignChange(
      recorded ? { useCase: known?.useCase ?? null, createOnly: known?.createOnly } : null,
      {
        useCase: campaign.usAppToPersonUsecase,
        createOnly: createOnlyValues(campaign),
      },
    );
    if (recorded && change.kind === "replace" && known?.sentVersion !== version) {
      await replaceCampaign(ctx, recorded.sid, known?.useCase ?? "", campaign.usAppToPersonUsecase, (sid) =>
        deleteCampaign(ctx.account, serviceSid, sid, ctx.fence),
      );
      recorded = null;
    }

    if (!recorded) {
      await adoptOrCreate(ctx, CAMPAIGN_STEP, {
        find: async () => {
          // A Messaging Service holds one campaign: the one with this use case is ours.
          const existing = await findCampaignByUseCase(ctx.account, serviceSid, campaign.usAppToPersonUsecase, billing);
          return existing ? ledger(existing) : null;
        },
        create: async () =>
          ledger(await createCampaign(ctx.account, serviceSid, campaignCreateOptions(campaign, brandSid), billing)),
      });
      return;
    }

    if (known?.sentVersion === version) return;
    const sid = recorded.sid;
    try {
      const current = await withRetry(() => fetchCampaign(ctx.account, serviceSid, sid), ctx.retry);
      // A suspended campaign takes no update (21729): nothing is sent, and staff are told why.
      if ((current.campaignStatus ?? "").toUpperCase() === "SUSPENDED")
        throw new TwilioStepError(
          CAMPAIGN_STEP,
          21729,
          "The campaign is suspended: Twilio takes no change to it until Twilio Support lifts the suspension.",
          400,
        );
      let sent = current;
      // Under vetting (PENDING or IN_PROGRESS): either an update of ours reached Twilio and its answer
      // was lost (the campaign was FAILED when we last knew it), or Twilio is reviewing it and takes
      // no changes now.
      const revettingKey = recorded.status === "FAILED" || current.campaignStatus === "FAILED" ? `v${version}` : null;
      if (!UNDER_VETTING.includes(current.campaignStatus ?? "")) {
        sent = await withRetry(
          () =>
            updateCampaign(ctx.account, serviceSid, sid, campaignUpdateOptions(campaign), { ...billing, revettingKey }),
          ctx.retry,
        );
      } else if (revettingKey && !current.mock) {
        // Our update of the FAILED campaign landed before (its answer lost): that vetting was charged.
        await adoptedRevetting(billing, sid, revettingKey);
      }
      const next = ledger(sent);
      await recordSid(ctx.applicationId, CAMPAIGN_STEP, sid, ctx.accountSid, {
        status: next.status,
        details: next.details as unknown as Prisma.InputJsonValue,
      });
    } catch (error) {
      throw TwilioStepError.from(CAMPAIGN_STEP, error);
    }
  };
}

/**
 * A use-case change: Twilio's update cannot change it, so the campaign is deleted (already gone is
 * fine) and its record set aside; the caller then creates the new one. Its monthly fee ends with it.
 */
async function replaceCampaign(
  ctx: StepContext,
  sid: string,
  fromUseCase: string,
  toUseCase: string,
  remove: (sid: string) => Promise<unknown>,
): Promise<void> {
  try {
    await withRetry(() => remove(sid), ctx.retry);
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw TwilioStepError.from(CAMPAIGN_STEP, error);
  }
  // The replacement is created by the caller right after: Twilio asks for five seconds in between.
  await sleep(CAMPAIGN_RECREATE_GAP_MS);
  const application = await db.onboardingApplication.findUniqueOrThrow({
    where: { id: ctx.applicationId },
    select: { organizationId: true },
  });
  await db.$transaction(async (tx) => {
    await tx.twilioResource.deleteMany({ where: { applicationId: ctx.applicationId, step: CAMPAIGN_STEP } });
    await tx.twilioCharge.deleteMany({ where: { key: `campaign_monthly:${sid}` } });
    await audit(tx, {
      action: "campaign.replaced",
      targetType: "TwilioResource",
      targetId: sid,
      organizationId: application.organizationId,
      metadata: { from: fromUseCase, to: toUseCase },
    });
  });
}
