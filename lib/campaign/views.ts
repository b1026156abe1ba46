import type { ApplicationStatus } from "@prisma/client";

import type { CampaignDraft } from "@/lib/campaign/draft";

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

/** What the customer's campaign page shows (and the campaign form takes). */
export type CampaignPageData = {
  snapshot: CampaignSnapshot;
  useCases: UseCaseOption[];
  useCasesError: string | null;
  /** Open comments (staff, or Twilio's reasons for a failed campaign) by campaign field key. */
  comments: Record<string, string[]>;
  /** The business name the brand was registered with: samples should name it. */
  brandName: string;
  /** The campaign at Twilio, once created. */
  twilioStatus: string | null;
};
