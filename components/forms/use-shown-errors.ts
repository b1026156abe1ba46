"use client";

import { useEffect, useState } from "react";
import { set, type FieldErrors, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";

import { useHydrating } from "./use-hydrating";

/**
 * The errors a form shows, starting with the saved draft's as the server checked them (`saved`, by
 * field path; null when there is nothing to show yet). react-hook-form's own errors start empty and
 * take them in the form's first effect, so while the server renders and the browser hydrates (which
 * a form may do only at the first touch: hydrate-on-first-touch.tsx) the saved ones are shown from
 * here; from then on react-hook-form's, which its checks keep up to date. A form first drawn in the
 * browser (a move to another step) shows them from its first effect on.
 */
export function useShownErrors<Values extends FieldValues>(
  form: UseFormReturn<Values>,
  saved: Record<string, string> | null,
): FieldErrors<Values> {
  // Read on every render: react-hook-form re-renders only for the parts of its state that were read.
  const live = form.formState.errors;
  const [initial] = useState(() => {
    const errors = {} as FieldErrors<Values>;
    for (const [field, message] of Object.entries(saved ?? {})) set(errors, field, { type: "saved", message });
    return errors;
  });
  useEffect(() => {
    for (const [field, message] of Object.entries(saved ?? {}))
      form.setError(field as Path<Values>, { type: "saved", message });
    // Only when the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // The render after hydration comes after this effect: it shows react-hook-form's errors, now set.
  return useHydrating() ? initial : live;
}
