import { stepSchemaFor } from "@/lib/onboarding/schema/application";
import { applicationKind, draftAsInput, type ApplicationDraft, type FormStepId } from "@/lib/onboarding/steps";

export type StepStatus = "not-started" | "done" | "has-errors";

const hasContent = (value: unknown): boolean => {
  if (value === undefined || value === null || value === "" || value === false) return false;
  if (Array.isArray(value)) return value.some(hasContent);
  if (typeof value === "object") return Object.values(value as Record<string, unknown>).some(hasContent);
  return true;
};

/** Where a step stands, from the draft alone: nothing typed, all valid, or something to fix. */
export function stepStatus(draft: ApplicationDraft, step: FormStepId): StepStatus {
  // A sole proprietor has nothing to choose on the company step: its brand type is fixed.
  if (step === "company" && applicationKind(draft) === "sole-proprietor") return "done";
  const values = draft[step];
  if (!hasContent(values)) return "not-started";
  return stepSchemaFor(step, draft).safeParse(draftAsInput(draft)[step]).success ? "done" : "has-errors";
}
