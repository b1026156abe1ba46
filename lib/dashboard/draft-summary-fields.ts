import type { ApplicationDraft } from "@/lib/onboarding/schema/application";

/**
 * The only parts of a draft the staff dashboard's summary row is made from (its name, search text
 * and registration-number hint). Pure: shared by the summary and by the autosave, which rewrites the
 * row only when one of them changed.
 */
export function draftSummaryFields(draft: ApplicationDraft): { businessName: string; registrationNumber: string } {
  const business = draft.business ?? {};
  return {
    businessName: typeof business.businessName === "string" ? business.businessName.trim() : "",
    registrationNumber: typeof business.registrationNumber === "string" ? business.registrationNumber.trim() : "",
  };
}

export function draftSummaryChanged(before: ApplicationDraft, after: ApplicationDraft): boolean {
  const [was, is] = [draftSummaryFields(before), draftSummaryFields(after)];
  return was.businessName !== is.businessName || was.registrationNumber !== is.registrationNumber;
}
