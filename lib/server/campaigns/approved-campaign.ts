import "server-only";

import { campaignDraftAsInput, readCampaignDraft } from "@/lib/campaign/draft";
import { campaignSchema, type Campaign } from "@/lib/campaign/schema";

import { db } from "../db";

/** A campaign staff approved, with the registration version it was approved at. */
export type ApprovedCampaign = { campaign: Campaign; version: number };

/** The campaign staff approved, as Twilio will receive it; null when none is approved or it no longer passes the limits. */
export async function approvedCampaign(applicationId: string): Promise<ApprovedCampaign | null> {
  const registration = await db.campaignRegistration.findUnique({ where: { applicationId } });
  if (registration?.status !== "APPROVED") return null;
  const parsed = campaignSchema.safeParse(campaignDraftAsInput(readCampaignDraft(registration.draft)));
  return parsed.success ? { campaign: parsed.data, version: registration.version } : null;
}
