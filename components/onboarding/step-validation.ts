import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldValues, Resolver } from "react-hook-form";

import { stepSchemaFor } from "@/lib/onboarding/schema/application";
import type { ApplicationDraft, FormStepId } from "@/lib/onboarding/steps";

/**
 * The wizard's checks in the browser: the shared zod schemas and react-hook-form's resolver for
 * them. Loaded on demand (./validator.ts), never with the page.
 */
export { applicationProblems } from "@/lib/onboarding/draft-check";
export { stepStatus } from "@/lib/onboarding/step-status";

/** One step's resolver: the step's schema for the kind of application the draft is. */
export function resolverFor<Values extends FieldValues>(step: FormStepId, draft: ApplicationDraft): Resolver<Values> {
  return zodResolver(stepSchemaFor(step, draft) as never) as unknown as Resolver<Values>;
}
