import "server-only";

import { db } from "../db";
import { campaignIsOpen } from "./campaign-registration";

export type CustomerCampaignSummary = {
  /** The brand is approved and the Messaging Service exists: the campaign step is open. */
  open: boolean;
  status: "DRAFT" | "SUBMITTED" | "CHANGES_REQUESTED" | "APPROVED" | null;
  written: boolean;
  twilioStatus: string | null;
};

/** Where the customer's campaign stands, for their home page. */
export async function customerCampaign(applicationId: string): Promise<CustomerCampaignSummary> {
  const [registration, resource, open] = await Promise.all([
    db.campaignRegistration.findUnique({ where: { applicationId }, select: { status: true, version: true } }),
    db.twilioResource.findUnique({
      where: { applicationId_step: { applicationId, step: "campaign" } },
      select: { status: true },
    }),
    campaignIsOpen(applicationId),
  ]);
  return {
    open: open || !!registration,
    status: registration?.status ?? null,
    written: (registration?.version ?? 1) > 1,
    twilioStatus: resource?.status ?? null,
  };
}
