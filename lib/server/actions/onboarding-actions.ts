"use server";

import { z } from "zod";

import { fail, ok } from "@/lib/action-result";
import { STEPS } from "@/lib/onboarding/schema/application";
import { strictDraftSchema } from "@/lib/onboarding/schema/draft-shape";

import { saveDraft, submitApplication, type DraftSnapshot } from "../applications/application-draft";
import { requireCustomer, requireStaffOrOwningCustomer } from "../auth/guards";
import { defineAction } from "./define-action";

const stepIds = STEPS.map((step) => step.id) as [string, ...string[]];

// A draft is a few kilobytes; refuse anything absurd before it reaches the database.
const MAX_DRAFT_BYTES = 64 * 1024;

const saveDraftInput = z.object({
  applicationId: z.string().min(1),
  expectedVersion: z.number().int().positive(),
  draft: strictDraftSchema.refine(
    (draft) => JSON.stringify(draft).length <= MAX_DRAFT_BYTES,
    "This draft is too large to save.",
  ),
  currentStep: z.enum(stepIds),
});

export type SaveDraftResult = { snapshot: DraftSnapshot } | { conflict: DraftSnapshot; locked: boolean };

/** Autosave. Only the customer's own organization's application; never over a newer version. */
export const saveDraftAction = defineAction(requireCustomer, saveDraftInput, async (input, customer) => {
  const { application } = await requireStaffOrOwningCustomer(input.applicationId);
  const outcome = await saveDraft(
    application,
    { expectedVersion: input.expectedVersion, draft: input.draft, currentStep: input.currentStep as never },
    customer.id,
  );
  if (outcome.ok) return ok<SaveDraftResult>({ snapshot: outcome.snapshot });
  return ok<SaveDraftResult>({ conflict: outcome.current, locked: outcome.reason === "locked" });
});

const submitInput = z.object({ applicationId: z.string().min(1), expectedVersion: z.number().int().positive() });

export const submitApplicationAction = defineAction(requireCustomer, submitInput, async (input, customer) => {
  const { application } = await requireStaffOrOwningCustomer(input.applicationId);
  const outcome = await submitApplication(application, input.expectedVersion, customer.id);
  if (outcome.ok) return ok({ snapshot: outcome.snapshot });
  if (outcome.reason === "invalid")
    return fail("Some answers need attention before you can send the application.", outcome.fieldErrors);
  if (outcome.reason === "locked") return fail("This application has already been sent for review.");
  return fail(
    "This application was changed in another tab or by our team. Reload to see the newest version before sending.",
  );
});
