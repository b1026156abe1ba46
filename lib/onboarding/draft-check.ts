import { firstErrorByField } from "@/lib/forms/zod-field-errors";

import { parseApplication, stepSchemaFor } from "./schema/application";
import { stepStatus, type StepStatus } from "./step-status";
import { draftAsInput, STEPS, type ApplicationDraft, type FormStepId } from "./steps";

/** One thing the whole-application check found: on which step, at which field (within the step). */
export type ApplicationProblem = { step: FormStepId; path: string; message: string };

/**
 * The draft checked by the shared schemas, as the wizard shows it: each step's status, each step's
 * first message per field, and the whole application's problems. The server sends this with the
 * page, so that a wizard page shows it before (and without) the schemas reaching the browser.
 */
export type DraftCheck = {
  statuses: Record<FormStepId, StepStatus>;
  fieldErrors: Record<FormStepId, Record<string, string>>;
  problems: ApplicationProblem[];
};

const FORM_STEPS = STEPS.map((step) => step.id).filter((id): id is FormStepId => id !== "review");

/** The step's messages by field path within the step ("primary.phone"), the first for each field. */
export function stepFieldErrors(draft: ApplicationDraft, step: FormStepId): Record<string, string> {
  return firstErrorByField(stepSchemaFor(step, draft).safeParse(draftAsInput(draft)[step]).error);
}

/** What stands between the draft and sending it for review. */
export function applicationProblems(draft: ApplicationDraft): ApplicationProblem[] {
  const check = parseApplication(draft);
  return check.success
    ? []
    : check.error.issues.map((issue) => ({
        step: issue.path[0] as FormStepId,
        path: issue.path.slice(1).join("."),
        message: issue.message,
      }));
}

export function checkDraft(draft: ApplicationDraft): DraftCheck {
  const statuses = {} as DraftCheck["statuses"];
  const fieldErrors = {} as DraftCheck["fieldErrors"];
  for (const step of FORM_STEPS) {
    statuses[step] = stepStatus(draft, step);
    fieldErrors[step] = stepFieldErrors(draft, step);
  }
  return { statuses, fieldErrors, problems: applicationProblems(draft) };
}
