import "server-only";

import type { OnboardingApplication } from "@prisma/client";
import { cache } from "react";

import type { ApplicationDraft } from "@/lib/onboarding/schema/application";

import { db } from "../db";
import { readStoredDraft } from "./stored-draft";

export type LoadedApplication = { application: OnboardingApplication; draft: ApplicationDraft };

/**
 * An application with its draft decoded and its personal fields decrypted (stored-draft.ts). Every
 * reader of an application's draft by its id comes here; within one server render React's `cache`
 * makes it one read and one decryption, however many panels of the page ask (outside a render,
 * in jobs, scripts and actions, each call reads afresh). Writers read the row themselves, inside
 * their transaction.
 */
export const loadApplication = cache(async (applicationId: string): Promise<LoadedApplication | null> => {
  const application = await db.onboardingApplication.findUnique({ where: { id: applicationId } });
  return application ? { application, draft: readStoredDraft(application.draft, application.id) } : null;
});
