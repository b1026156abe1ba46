import { z } from "zod";

import { CAMPAIGN_FIELD_KEYS } from "@/lib/campaign/fields";

/** Inputs of the campaign's staff review and sender-pool actions, shared by their forms. */
export const campaignFieldKey = z.enum(CAMPAIGN_FIELD_KEYS, { error: "Choose a field." });

export const approveCampaignSchema = z.object({
  applicationId: z.string().min(1),
  overrideReason: z.string().trim().max(1000, "Use at most 1000 characters.").optional().default(""),
  // A checkbox posts "on" when ticked and nothing otherwise.
  acceptNewVettingFee: z
    .union([z.boolean(), z.string()])
    .optional()
    .transform((value) => value === true || value === "on" || value === "true"),
});

export const requestCampaignChangesSchema = z.object({
  applicationId: z.string().min(1),
  comments: z
    .array(
      z.object({
        field: campaignFieldKey,
        message: z.string().trim().min(1, "Write what needs to change.").max(1000, "Use at most 1000 characters."),
      }),
    )
    .min(1, "Add at least one comment for the customer."),
});

export const editCampaignFieldSchema = z.object({
  applicationId: z.string().min(1),
  field: campaignFieldKey,
  value: z.string().max(5000, "Use at most 5000 characters."),
});

export const senderNumberSchema = z.object({
  applicationId: z.string().min(1),
  phoneNumberSid: z.string().regex(/^PN[0-9a-fA-F]{32}$/, "Choose one of the account's phone numbers."),
});
