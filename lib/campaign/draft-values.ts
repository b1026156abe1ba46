import { CAMPAIGN_FIELDS, type CampaignFieldKey } from "./fields";
import type { CampaignInput } from "./schema";

/**
 * The campaign draft as the customer types it (partial and invalid values kept), read by ./draft.ts's schemas.
 */
export type CampaignDraft = Partial<Record<CampaignFieldKey, string | boolean>>;

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
