import type { ApplicationDraft } from "@/lib/onboarding/schema/application";

/**
 * The only parts of a draft the staff dashboard's summary row is made from (its name, search text
 * and registration-number hint). Pure: shared by the summary and by the autosave, which rewrites the
 * row only when the row shows other values than these (application-draft.ts).
 */
export function draftSummaryFields(draft: ApplicationDraft): { businessName: string; registrationNumber: string } {
  const business = draft.business ?? {};
  return {
    businessName: typeof business.businessName === "string" ? business.businessName.trim() : "",
    registrationNumber: typeof business.registrationNumber === "string" ? business.registrationNumber.trim() : "",
  };
}
