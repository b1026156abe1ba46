import { campaignDraftAsInput, type CampaignDraft } from "@/lib/campaign/draft-values";
import { SAMPLE_FIELDS } from "@/lib/campaign/limits";
import type { Campaign } from "@/lib/campaign/schema";

import { reviewCampaign, type Finding } from "./review";

/**
 * The pre-submission review of a draft while the customer is still writing it: the draft read
 * leniently (texts trimmed, keywords split) so advice shows as they type, before the hard limits
 * pass. Advice about parts not written yet is left out: an empty message flow has its own "needs
 * at least 40 characters", and no samples yet means nothing to advise about them. Pure.
 */
export function draftFindings(draft: CampaignDraft, brandName: string): Finding[] {
  const input = campaignDraftAsInput(draft);
  const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");
  const keywords = (value: unknown) =>
    text(value)
      .split(/[\s,]+/)
      .map((keyword) => keyword.toUpperCase())
      .filter(Boolean);
  const campaign: Campaign = {
    usAppToPersonUsecase: text(input.usAppToPersonUsecase),
    description: text(input.description),
    messageFlow: text(input.messageFlow),
    sample1: text(input.sample1),
    sample2: text(input.sample2),
    sample3: text(input.sample3),
    sample4: text(input.sample4),
    sample5: text(input.sample5),
    optInKeywords: keywords(input.optInKeywords),
    optInMessage: text(input.optInMessage),
    optOutKeywords: keywords(input.optOutKeywords),
    optOutMessage: text(input.optOutMessage),
    helpKeywords: keywords(input.helpKeywords),
    helpMessage: text(input.helpMessage),
    hasEmbeddedLinks: input.hasEmbeddedLinks === true,
    hasEmbeddedPhone: input.hasEmbeddedPhone === true,
    ageGated: input.ageGated === true,
    directLending: input.directLending === true,
    privacyPolicyUrl: text(input.privacyPolicyUrl),
    termsAndConditionsUrl: text(input.termsAndConditionsUrl),
  };
  const hasSamples = SAMPLE_FIELDS.some((field) => campaign[field] !== "");
  return reviewCampaign(campaign, { brandName, useCase: campaign.usAppToPersonUsecase }).filter((finding) =>
    finding.rule.startsWith("flow-") ? campaign.messageFlow !== "" : hasSamples || !finding.rule.startsWith("samples-"),
  );
}

/** Findings by the field they are shown next to. */
export function findingsByField(findings: Finding[]): Record<string, Finding[]> {
  const byField: Record<string, Finding[]> = {};
  for (const finding of findings) (byField[finding.field] ??= []).push(finding);
  return byField;
}
