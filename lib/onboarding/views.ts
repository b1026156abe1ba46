import type { ApplicationStatus } from "@prisma/client";

import type { ApplicationDraft } from "@/lib/onboarding/steps";

/** Shapes the server hands to client components: neutral, so the browser bundle imports nothing from lib/server. */
export type DraftSnapshot = {
  version: number;
  draft: ApplicationDraft;
  currentStep: string | null;
  status: ApplicationStatus;
  updatedAt: string;
  submittedAt: string | null;
};
