import { explainTwilioError } from "../trusthub/error-explanations";
import { wizardField, type FieldProblem, type OtherProblem } from "../trusthub/evaluation-fields";
import type { BrandError } from "./details";

/**
 * How many times one FAILED brand may be resubmitted (Twilio's update of the same
 * BrandRegistration). Twilio documents a limit (error 21724, "brand update count exceeded") but not
 * its number (live-twilio.md §5: UNCONFIRMED); 3 is the sandbox's and the attempts the portal
 * offers. Twilio's own 21724 wins over this count whenever it comes first.
 */
export const BRAND_RESUBMISSION_LIMIT = 3;

export type BrandAttempts = { used: number; limit: number; left: number };

export function brandAttempts(sentResubmissions: number): BrandAttempts {
  const used = Math.max(0, sentResubmissions);
  return { used, limit: BRAND_RESUBMISSION_LIMIT, left: Math.max(0, BRAND_RESUBMISSION_LIMIT - used) };
}

/**
 * A failed brand's `errors` as problems next to the wizard's fields (business name, registration
 * number, address…), in the words the customer can act on; an error naming no known field is kept
 * as a general problem. Pure.
 */
export function brandFailureProblems(errors: BrandError[], failureReason: string | null) {
  const fields: FieldProblem[] = [];
  const other: OtherProblem[] = [];
  for (const error of errors) {
    const message = [error.description, error.code ? explainTwilioError(error.code) : null].filter(Boolean).join(" ");
    const mapped = [...new Set(error.fields.map((field) => wizardField("brand", field.toLowerCase())))].filter(
      (field): field is string => field !== null,
    );
    if (!mapped.length)
      other.push({ message: message || "The brand was not approved.", code: error.code, requirement: "brand" });
    for (const field of mapped) fields.push({ field, message, code: error.code, requirement: "brand" });
  }
  if (!errors.length)
    other.push({
      message: failureReason ?? "The Campaign Registry could not verify the brand.",
      code: null,
      requirement: "brand",
    });
  return { fields, other };
}
