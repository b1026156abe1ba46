"use client";

import { createContext, useContext } from "react";

import type { DraftCheck } from "@/lib/onboarding/draft-check";
import type { ApplicationDraft, FormStepId, StepId } from "@/lib/onboarding/steps";

import type { SaveState } from "./use-draft-autosave";

export type WizardContextValue = {
  applicationId: string;
  step: StepId;
  draft: ApplicationDraft;
  readOnly: boolean;
  /** The saved draft as the server checked it: what the wizard shows until its own checks load. */
  savedCheck: DraftCheck;
  /** Open review comments (staff or Twilio's evaluation), by field path. */
  comments: Record<string, string[]>;
  /** Bumped when the draft is replaced (a newer version taken): step forms reload their values. */
  revision: number;
  saveState: SaveState;
  update: (step: FormStepId, values: Record<string, unknown>) => void;
  saveNow: () => Promise<boolean>;
  /** The version the next save or submission must name. */
  currentVersion: () => number;
  /** Saves, then opens another step. */
  goTo: (step: StepId) => Promise<void>;
};

export const WizardContext = createContext<WizardContextValue | null>(null);

/** The review comment to show next to a field, if any. */
export function useFieldNote(): (field: string) => string | undefined {
  const { comments } = useWizard();
  return (field) => comments[field]?.join(" ");
}

export function useWizard(): WizardContextValue {
  const value = useContext(WizardContext);
  if (!value) throw new Error("useWizard must be used inside the onboarding wizard");
  return value;
}
