import "server-only";

import { checkDraft } from "@/lib/onboarding/draft-check";

import { snapshot } from "../applications/application-draft";
import { getCustomerHome } from "../applications/customer-home";
import { openComments } from "../applications/review";

/** The wizard's data for the caller's organization: its draft as saved and the comments it must answer. */
export async function loadOnboardingStep(organizationId: string) {
  const { application } = await getCustomerHome(organizationId);
  if (!application) return null;
  const comments = application.status === "CHANGES_REQUESTED" ? await openComments(application.id) : {};
  const saved = snapshot(application);
  // Checked here, so that the page shows what to fix before the schemas reach the browser.
  return { applicationId: application.id, snapshot: saved, comments, check: checkDraft(saved.draft) };
}
