import type { ApplicationStatus } from "@prisma/client";

import type { CampaignDraft } from "@/lib/campaign/draft-values";

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
  /** Its own A2P registration, from Twilio's number events (lib/campaign/sender-pool.ts). */
  a2p: "registered" | "registering" | "failed" | "deregistering" | "waiting" | "not-in-pool";
  /** Why its registration failed, in words, with Twilio's error page when there is one. */
  failure?: { text: string; url: string | null } | null;
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
  /** The saved draft checked by the campaign schema: its first message per field (shown until the form's checks load). */
  savedFieldErrors: Record<string, string>;
};
