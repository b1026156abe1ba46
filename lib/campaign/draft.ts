import { CAMPAIGN_FIELDS, type CampaignFieldKey } from "@/lib/campaign/fields";
import { draftShapeSchemas, type DraftKind } from "@/lib/onboarding/schema/draft-shape";

import type { CampaignDraft } from "./draft-values";

// What the campaign page needs before its checks load (no zod) is in ./draft-values.
export { campaignDraftAsInput, emptyCampaignDraft, type CampaignDraft } from "./draft-values";

const KIND: Record<(typeof CAMPAIGN_FIELDS)[number]["kind"], DraftKind> = {
  usecase: "text",
  text: "text",
  url: "text",
  keywords: "text",
  longtext: "longtext",
  flag: "flag",
};

export const CAMPAIGN_DRAFT_SHAPE = Object.fromEntries(
  CAMPAIGN_FIELDS.map((field) => [field.key, KIND[field.kind]]),
) as Record<CampaignFieldKey, DraftKind>;

/**
 * The campaign draft's two readings, as the onboarding draft's: strict for saving (a wrong kind is
 * refused), lenient for reading whatever is stored.
 */
const schemas = draftShapeSchemas<CampaignDraft>(CAMPAIGN_DRAFT_SHAPE);
export const strictCampaignDraftSchema = schemas.strict;
export const readCampaignDraft = schemas.read;
