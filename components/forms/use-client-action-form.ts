"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";

import type { ActionResult } from "@/lib/action-result";

/**
 * react-hook-form driven by the same zod schema the server action checks. The server's field
 * errors land next to their fields (and focus moves to the first); its form error is shown above.
 * Nothing the user typed is cleared on failure.
 */
export function useClientActionForm<Schema extends z.ZodType<FieldValues, FieldValues>, Result>(options: {
  schema: Schema;
  action: (input: z.input<Schema>) => Promise<ActionResult<Result>>;
  defaultValues: DefaultValues<z.input<Schema>>;
  onSuccess?: (data: Result) => void;
}) {
  const form = useForm<z.input<Schema>, unknown, z.output<Schema>>({
    resolver: zodResolver(options.schema),
    defaultValues: options.defaultValues,
    shouldFocusError: true,
  });
  const [formError, setFormError] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(async () => {
    setFormError(null);
    // Send what the user typed: the server parses it with the same schema.
    let result: ActionResult<Result>;
    try {
      result = await options.action(form.getValues());
    } catch {
      // The server could not be reached, or refused the request before the action ran (too large).
      setFormError("We could not reach the server. Your input is kept; please try again.");
      return;
    }
    // A redirect from the action never returns here.
    if (!result) return;
    if (result.ok) {
      options.onSuccess?.(result.data);
      return;
    }
    if (result.formError) setFormError(result.formError);
    const entries = Object.entries(result.fieldErrors);
    entries.forEach(([field, messages], index) => {
      form.setError(
        field as Path<z.input<Schema>>,
        { type: "server", message: messages[0] },
        { shouldFocus: index === 0 },
      );
    });
  });

  return { form, onSubmit, formError, setFormError };
}
