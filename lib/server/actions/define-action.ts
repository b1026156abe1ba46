import "server-only";

import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";

import { fail, type ActionResult } from "@/lib/action-result";
import { echoableChoices, echoableValues, formDataToObject, type FormState } from "@/lib/forms/form-state";
import { zodFieldErrors } from "@/lib/forms/zod-field-errors";
import { describeErrorForLog } from "@/lib/logging/redact";

import { ForbiddenError, NotFoundError, UnauthenticatedError } from "../auth/errors";

/**
 * Every server action is built here: first who is calling (the guard), then the input (the same
 * zod schema the form uses, every field error returned, not just the first), then the body.
 * Unexpected errors are logged and answered with a message, never a bare 500.
 */
export function defineAction<Schema extends z.ZodType, Caller, Result>(
  guard: () => Promise<Caller>,
  schema: Schema,
  body: (input: z.output<Schema>, caller: Caller) => Promise<ActionResult<Result>>,
): (input: z.input<Schema>) => Promise<ActionResult<Result>> {
  return async (input) => {
    try {
      const caller = await guard();
      const parsed = schema.safeParse(input);
      if (!parsed.success)
        return {
          ok: false,
          fieldErrors: zodFieldErrors(parsed.error),
          formError: "Please correct the highlighted fields.",
        };
      return await body(parsed.data, caller);
    } catch (error) {
      // Let Next.js handle its own control flow (redirect(), notFound()).
      unstable_rethrow(error);
      if (error instanceof UnauthenticatedError) return fail("Your session has ended. Please sign in again.");
      if (error instanceof ForbiddenError || error instanceof NotFoundError) return fail(error.message);
      console.error("[action] unexpected error", describeErrorForLog(error));
      return fail("Something went wrong on our side. Your input is kept; please try again.");
    }
  };
}

/**
 * The same action for a `<form action={…}>` (React's useActionState): it takes the posted
 * FormData, so the form works before the page hydrates or without JavaScript (a plain POST to the
 * page, never a GET with the values in the address), and hands back what the user typed (no
 * passwords) for the page to show again.
 */
export function defineFormAction<Schema extends z.ZodType, Caller, Result>(
  guard: () => Promise<Caller>,
  schema: Schema,
  body: (input: z.output<Schema>, caller: Caller) => Promise<ActionResult<Result>>,
): (previous: FormState<Result>, formData: FormData) => Promise<FormState<Result>> {
  const action = defineAction(guard, schema, body);
  return async (_previous, formData) => {
    // A form posts FormData; a script may call the same action with a plain object, which the
    // same schema then checks (anything else is read as an empty form).
    const input =
      formData instanceof FormData
        ? formDataToObject(formData)
        : isPlainObject(formData)
          ? (formData as Record<string, string | string[]>)
          : {};
    const result = await action(input as z.input<Schema>);
    return { ...result, values: echoableValues(input), ...(result.ok ? {} : { choices: echoableChoices(input) }) };
  };
}

function isPlainObject(value: unknown): boolean {
  return !!value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype;
}
