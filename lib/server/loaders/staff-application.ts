import "server-only";

import { reviewSections } from "@/lib/onboarding/review-sections";

import { loadApplication } from "../applications/load-application";
import { provisioningProgress } from "../applications/provisioning-progress";
import { applicationForReview } from "../applications/review";
import { chargesOf } from "../billing/twilio-charges";
import { brandVerificationView } from "../brands/brand-verification";
import { pendingBrandResubmission } from "../brands/reopen-on-brand-failure";
import { campaignForStaff } from "../campaigns/campaign-staff-view";
import { senderPool } from "../campaigns/sender-numbers";
import { mockBrandsOn } from "../settings/isv-settings";
import { tollfreeForStaff } from "../tollfree/tollfree-staff-view";
import { shakenStirView } from "../voice/shaken-stir";

/**
 * Everything the staff's review page shows of one application: the application (its draft decoded
 * once, load-application.ts), then its panels at once. Null: no such application.
 */
export async function loadStaffApplication(applicationId: string) {
  const [review, loaded] = await Promise.all([applicationForReview(applicationId), loadApplication(applicationId)]);
  if (!review || !loaded) return null;
  const [progress, campaign, senders, charges, resubmission, voice, verification, mockBrands, tollfree] =
    await Promise.all([
      provisioningProgress(applicationId),
      campaignForStaff(applicationId),
      senderPool(applicationId),
      chargesOf(applicationId),
      pendingBrandResubmission(applicationId),
      shakenStirView(applicationId),
      brandVerificationView(applicationId, "staff"),
      mockBrandsOn(),
      tollfreeForStaff(applicationId),
    ]);
  return {
    ...review,
    draft: loaded.draft,
    sections: reviewSections(loaded.draft),
    progress,
    campaign,
    senders,
    charges,
    resubmission,
    voice,
    verification,
    mockBrands,
    tollfree,
  };
}
