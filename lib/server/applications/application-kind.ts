import "server-only";

import { applicationKind } from "@/lib/onboarding/schema/application";

import { db } from "../db";
import { readStoredDraft } from "./stored-draft";

/** Whether the stored application is a Sole Proprietor one (no tax ID): its brand has fewer options. */
export async function isSoleProprietor(applicationId: string): Promise<boolean> {
  const application = await db.onboardingApplication.findUnique({ where: { id: applicationId } });
  return !!application && applicationKind(readStoredDraft(application.draft)) === "sole-proprietor";
}
