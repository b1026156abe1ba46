import type { Campaign } from "./schema";

/**
 * Twilio's hard limits on an A2P campaign (Messaging v1 OpenAPI; ../shared/notes/live-twilio.md §6),
 * without the schema that applies them (./schema.ts): what the campaign page shows as it loads.
 */
export const CAMPAIGN_LIMITS = {
  description: [40, 4096],
  messageFlow: [40, 2048],
  sample: [20, 1024],
  samples: [2, 5],
  message: [20, 320],
  keyword: 255,
} as const;

export const SAMPLE_FIELDS = ["sample1", "sample2", "sample3", "sample4", "sample5"] as const;

/** The samples given, in order (2 to 5). */
export function campaignSamples(campaign: Pick<Campaign, (typeof SAMPLE_FIELDS)[number]>): string[] {
  return SAMPLE_FIELDS.map((field) => campaign[field]).filter(Boolean);
}
