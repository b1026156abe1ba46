/**
 * The wizard's steps and the draft's shape, without the schemas that check it: what every wizard
 * page needs at once. The schemas (zod, and libphonenumber's metadata for phone numbers) weigh
 * about 90 KB in the browser; a wizard page loads them when the customer first touches the form
 * (components/onboarding/validator.ts), and the server checks the saved draft for the first render.
 */

/** The wizard's steps, in order. Each has its own URL: /onboarding/<step>. */
export const STEPS = [
  { id: "business", title: "Business information" },
  { id: "representatives", title: "Authorized representatives" },
  { id: "address", title: "Business address" },
  { id: "company", title: "Company type" },
  { id: "review", title: "Review and send" },
] as const;
export type StepId = (typeof STEPS)[number]["id"];
export type FormStepId = Exclude<StepId, "review">;

/** The two kinds of application: a Standard (or Low-Volume Standard) brand, or a Sole Proprietor's. */
export type ApplicationKind = "standard" | "sole-proprietor";

/** What the draft holds: whatever the customer typed so far, valid or not. */
export type ApplicationDraft = {
  business?: Partial<Record<string, unknown>>;
  representatives?: Partial<Record<string, unknown>>;
  address?: Partial<Record<string, unknown>>;
  company?: Partial<Record<string, unknown>>;
};

/**
 * The draft as the whole-application schema reads it: a step never opened counts as empty, so its
 * checks name each missing field rather than the whole step.
 */
export function draftAsInput(draft: ApplicationDraft): Record<FormStepId, Record<string, unknown>> {
  const representatives = draft.representatives ?? {};
  return {
    business: draft.business ?? {},
    representatives: { ...representatives, primary: representatives.primary ?? {} },
    address: draft.address ?? {},
    company: draft.company ?? {},
  };
}

/** The kind the customer chose on the first step: no tax ID means a Sole Proprietor brand. */
export function applicationKind(draft: ApplicationDraft): ApplicationKind {
  return draft.business?.hasTaxId === "no" ? "sole-proprietor" : "standard";
}
