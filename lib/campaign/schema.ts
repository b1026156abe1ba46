import { z } from "zod";

import { CAMPAIGN_LIMITS } from "./limits";

// The limits (no zod) are what the campaign page needs before its checks load.
export { CAMPAIGN_LIMITS, campaignSamples, SAMPLE_FIELDS } from "./limits";

/**
 * The A2P campaign (UsAppToPerson) as the customer fills it, with Twilio's hard limits (Messaging
 * v1 OpenAPI; ../shared/notes/live-twilio.md §6): a campaign outside them is refused by Twilio
 * (21727 / 21728), so the form refuses it first. Shared by the campaign form and its server actions.
 */
const lengthBetween = (label: string, [min, max]: readonly [number, number]) =>
  z
    .string()
    .trim()
    .min(min, `${label} needs at least ${min} characters.`)
    .max(max, `${label} can be at most ${max} characters.`);

const optionalMessage = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .default("")
    .refine(
      (value) => !value || (value.length >= CAMPAIGN_LIMITS.message[0] && value.length <= CAMPAIGN_LIMITS.message[1]),
      `${label} must be between ${CAMPAIGN_LIMITS.message[0]} and ${CAMPAIGN_LIMITS.message[1]} characters.`,
    );

/** Keywords as typed ("START, YES"): letters and digits only, each at most 255 characters. */
const keywords = (label: string) =>
  z
    .string()
    .optional()
    .default("")
    .transform((value) =>
      value
        .split(/[\s,]+/)
        .map((keyword) => keyword.trim().toUpperCase())
        .filter(Boolean),
    )
    .refine(
      (list) => list.every((keyword) => /^[A-Z0-9]+$/.test(keyword) && keyword.length <= CAMPAIGN_LIMITS.keyword),
      `${label}: letters and digits only, separated by commas.`,
    );

const optionalHttpsUrl = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .default("")
    .refine((value) => !value || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(value), `${label} must be a web address.`);

export const campaignSchema = z
  .object({
    usAppToPersonUsecase: z.string().trim().min(1, "Choose the use case that fits these messages."),
    description: lengthBetween("Description", CAMPAIGN_LIMITS.description),
    messageFlow: lengthBetween("Message Flow", CAMPAIGN_LIMITS.messageFlow),
    sample1: lengthBetween("Sample Message 1", CAMPAIGN_LIMITS.sample),
    sample2: lengthBetween("Sample Message 2", CAMPAIGN_LIMITS.sample),
    sample3: z.string().trim().optional().default(""),
    sample4: z.string().trim().optional().default(""),
    sample5: z.string().trim().optional().default(""),
    optInKeywords: keywords("Opt-in Keywords"),
    optInMessage: optionalMessage("Opt-in Message"),
    optOutKeywords: keywords("Opt-out Keywords"),
    optOutMessage: optionalMessage("Opt-out Message"),
    helpKeywords: keywords("Help Keywords"),
    helpMessage: optionalMessage("Help Message"),
    hasEmbeddedLinks: z.boolean().default(false),
    hasEmbeddedPhone: z.boolean().default(false),
    ageGated: z.boolean().default(false),
    directLending: z.boolean().default(false),
    privacyPolicyUrl: optionalHttpsUrl("Privacy Policy URL"),
    termsAndConditionsUrl: optionalHttpsUrl("Terms and Conditions URL"),
  })
  .superRefine((campaign, ctx) => {
    for (const field of ["sample3", "sample4", "sample5"] as const) {
      const value = campaign[field];
      const [min, max] = CAMPAIGN_LIMITS.sample;
      if (value && (value.length < min || value.length > max))
        ctx.addIssue({
          code: "custom",
          path: [field],
          message: `Sample Message ${field.slice(-1)} must be between ${min} and ${max} characters, or left empty.`,
        });
    }
  });

export type CampaignInput = z.input<typeof campaignSchema>;
export type Campaign = z.output<typeof campaignSchema>;
