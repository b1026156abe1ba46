import type { ApplicationStatus } from "@prisma/client";
import type { CampaignDraft } from "@/lib/schemas/campaign/campaign-draft";

/** Shapes the server hands to client components: neutral, so the browser bundle imports nothing from lib/server. */
export type CampaignSnapshot = {
  campaignId: string;
  version: number;
  draft: CampaignDraft;
  status: ApplicationStatus;
  updatedAt: string;
  submittedAt: string | null;
};

/** A use case Twilio offers the brand (GET …/Compliance/Usa2p/Usecases). */
export type UseCaseOption = { code: string; name: string; description: string; postApprovalRequired: boolean };

export type SenderNumberView = {
  phoneNumberSid: string;
  phoneNumber: string;
  /** In the Messaging Service's sender pool. */
  inPool: boolean;
  /** "registered" once the campaign is verified, "waiting" for it before. */
  a2p: "registered" | "waiting" | "not-in-pool";
};
