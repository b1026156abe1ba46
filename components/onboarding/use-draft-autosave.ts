"use client";

import { useCallback } from "react";

import { useVersionedAutosave, type AutosaveState } from "@/components/forms/use-versioned-autosave";
import type { ApplicationDraft, FormStepId, StepId } from "@/lib/onboarding/steps";
import type { DraftSnapshot } from "@/lib/onboarding/views";

import { putDraft } from "./put-draft";

export type SaveState = AutosaveState<DraftSnapshot>;

/** The onboarding draft, saved as typed: each step's values under its id, saved with the step the customer is on. */
export function useDraftAutosave(applicationId: string, initial: DraftSnapshot, step: StepId) {
  const save = useCallback(
    (draft: ApplicationDraft, expectedVersion: number) =>
      putDraft(applicationId, { expectedVersion, draft, currentStep: step }),
    [applicationId, step],
  );
  const autosave = useVersionedAutosave<ApplicationDraft, DraftSnapshot>(initial, save);
  const { change } = autosave;
  const update = useCallback(
    (stepId: FormStepId, values: Record<string, unknown>) => change((draft) => ({ ...draft, [stepId]: values })),
    [change],
  );
  return { ...autosave, update };
}
