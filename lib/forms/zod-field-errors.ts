import type { z } from "zod";

import type { FieldErrors } from "@/lib/action-result";

/** A zod error as the forms show it: messages by field path ("form" for the whole form). */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    // Own keys only: a field named "constructor" (a hostile form) must not reach Object's prototype.
    if (Object.hasOwn(errors, key)) errors[key]!.push(issue.message);
    else errors[key] = [issue.message];
  }
  return errors;
}

/** The first message for each field path (as a form shows one under each field); {} when none. */
export function firstErrorByField(error: z.ZodError | undefined): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error?.issues ?? []) {
    const key = issue.path.join(".");
    if (!Object.hasOwn(errors, key)) errors[key] = issue.message;
  }
  return errors;
}
