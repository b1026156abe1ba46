import "server-only";

import { campaignDraftAsInput, readCampaignDraft } from "@/lib/campaign/draft";
import { campaignSchema, type Campaign } from "@/lib/campaign/schema";
import { registeredUseCase } from "@/lib/campaign/use-cases";

import { isSoleProprietor } from "../applications/application-kind";
import { db } from "../db";

/** A campaign staff approved, with the registration version it was approved at. */
export type ApprovedCampaign = { campaign: Campaign; version: number };

/** The campaign staff approved, as Twilio will receive it; null when none is approved or it no longer passes the limits. */
export async function approvedCampaign(applicationId: string): Promise<ApprovedCampaign | null> {
  const registration = await db.campaignRegistration.findUnique({ where: { applicationId } });
  if (registration?.status !== "APPROVED") return null;
  const parsed = campaignSchema.safeParse(campaignDraftAsInput(readCampaignDraft(registration.draft)));
  if (!parsed.success) return null;
  // A Sole Proprietor campaign is always SOLE_PROPRIETOR, whatever the draft holds (use-cases.ts).
  const kind = (await isSoleProprietor(applicationId)) ? "sole-proprietor" : "standard";
  const campaign = { ...parsed.data, usAppToPersonUsecase: registeredUseCase(kind, parsed.data.usAppToPersonUsecase) };
  return { campaign, version: registration.version };
}
