import "server-only";

import type { OnboardingApplication } from "@prisma/client";

import { campaignDraftAsInput } from "@/lib/campaign/draft";
import { CAMPAIGN_PATH_PREFIX } from "@/lib/campaign/fields";
import { campaignSchema } from "@/lib/campaign/schema";
import type { CampaignPageData } from "@/lib/campaign/views";
import { firstErrorByField } from "@/lib/forms/zod-field-errors";

import { loadApplication } from "../applications/load-application";
import { openComments } from "../applications/review";
import { campaignSnapshot, openCampaignRegistration } from "./campaign-registration";
import { campaignAtTwilio } from "./campaign-review";
import { campaignUseCases } from "./campaign-use-cases";

export type { CampaignPageData };

/** What the customer's campaign page shows. Null: the step is not open yet (no approved brand). */
export async function campaignPageData(application: OnboardingApplication): Promise<CampaignPageData | null> {
  const registration = await openCampaignRegistration(application.id);
  if (!registration) return null;
  const [useCaseList, comments, atTwilio] = await Promise.all([
    campaignUseCases(registration),
    registration.status === "CHANGES_REQUESTED" ? openComments(registration.id) : Promise.resolve({}),
    campaignAtTwilio(application.id),
  ]);
  const businessName = (await loadApplication(application.id))?.draft.business?.businessName;
  const snapshot = campaignSnapshot(registration);
  return {
    snapshot,
    useCases: useCaseList.useCases,
    useCasesError: useCaseList.error,
    comments: byCampaignField(comments),
    brandName: typeof businessName === "string" ? businessName : "",
    twilioStatus: atTwilio?.status ?? null,
    savedFieldErrors: campaignFieldErrors(snapshot.draft),
  };
}

/** The draft's first message per field, as the campaign form shows it. */
export function campaignFieldErrors(draft: CampaignPageData["snapshot"]["draft"]): Record<string, string> {
  return firstErrorByField(campaignSchema.safeParse(campaignDraftAsInput(draft)).error);
}

/** Comments are kept under `campaign.<key>`; the form names its fields by key. */
export function byCampaignField(comments: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(comments)
      .filter(([path]) => path.startsWith(CAMPAIGN_PATH_PREFIX))
      .map(([path, messages]) => [path.slice(CAMPAIGN_PATH_PREFIX.length), messages]),
  );
}
