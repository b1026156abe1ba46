import { z } from "zod";

/**
 * What the portal keeps of a campaign at Twilio besides its SID and status (the resource ledger's
 * `details` for the "campaign" step), read through `campaignLedgerDetails`, never cast.
 */
export type CampaignLedgerDetails = {
  messagingServiceSid: string;
  useCase: string;
  /** The campaign registration's version last sent to Twilio (created or updated with it). */
  sentVersion: number;
  campaignId?: string | null;
  errors?: unknown[];
  /**
   * What the campaign was created with in the fields Twilio's update does not take (change-kind.ts):
   * a change to them means a new campaign. Absent on campaigns recorded before it was kept.
   */
  createOnly?: Record<string, string>;
};

const campaignLedgerDetailsSchema = z.object({
  messagingServiceSid: z.string(),
  useCase: z.string(),
  sentVersion: z.number(),
  campaignId: z.string().nullable().optional(),
  errors: z.array(z.unknown()).optional(),
  createOnly: z.record(z.string(), z.string()).optional(),
});

/** The stored details, or null when they are missing or not of this shape (an older or damaged row). */
export function campaignLedgerDetails(details: unknown): CampaignLedgerDetails | null {
  const parsed = campaignLedgerDetailsSchema.safeParse(details);
  return parsed.success ? parsed.data : null;
}
