import { CAMPAIGN_FIELDS, type CampaignFieldKey } from "@/lib/campaign/fields";
import { draftShapeSchemas, type DraftKind } from "@/lib/onboarding/schema/draft-shape";

import type { CampaignInput } from "./schema";

/**
 * The campaign draft as the customer types it (partial and invalid values kept), in the same two
 * readings as the onboarding draft: strict for saving (a wrong kind is refused), lenient for
 * reading whatever is stored.
 */
export type CampaignDraft = Partial<Record<CampaignFieldKey, string | boolean>>;

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

const schemas = draftShapeSchemas<CampaignDraft>(CAMPAIGN_DRAFT_SHAPE);
export const strictCampaignDraftSchema = schemas.strict;
export const readCampaignDraft = schemas.read;

/** What the form starts from: every text empty, every box unticked. */
export function emptyCampaignDraft(): Required<CampaignDraft> {
  return Object.fromEntries(
    CAMPAIGN_FIELDS.map((field) => [field.key, field.kind === "flag" ? false : ""]),
  ) as Required<CampaignDraft>;
}

/** The draft as the campaign schema's input (missing values empty). */
export function campaignDraftAsInput(draft: CampaignDraft): CampaignInput {
  return { ...emptyCampaignDraft(), ...draft } as CampaignInput;
}
