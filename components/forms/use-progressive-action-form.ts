"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useEffect, useSyncExternalStore, type FormEvent } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";

import type { FormState } from "@/lib/forms/form-state";

/**
 * A form whose `action` is a server action, so it posts (never GETs) before React hydrates or
 * without JavaScript, and the page renders the action's answer. Once hydrated, react-hook-form
 * checks the same zod schema first and the post goes through the same action without a reload.
 * Server field errors land next to their fields, with focus on the first.
 */
export function useProgressiveActionForm<Schema extends z.ZodType<FieldValues, FieldValues>, Result>(options: {
  schema: Schema;
  action: (previous: FormState<Result>, formData: FormData) => Promise<FormState<Result>>;
  defaultValues: DefaultValues<z.input<Schema>>;
}) {
  const [state, formAction, pending] = useActionState(options.action, null);
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const form = useForm<z.input<Schema>, unknown, z.output<Schema>>({
    resolver: zodResolver(options.schema),
    defaultValues: { ...options.defaultValues, ...(state?.values ?? {}) } as DefaultValues<z.input<Schema>>,
    shouldFocusError: true,
  });

  useEffect(() => {
    if (!state || state.ok) return;
    Object.entries(state.fieldErrors).forEach(([field, messages], index) => {
      form.setError(
        field as Path<z.input<Schema>>,
        { type: "server", message: messages[0] },
        { shouldFocus: index === 0 },
      );
    });
  }, [state, form]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget;
    void form.handleSubmit(() => {
      const formData = new FormData(element);
      startTransition(() => formAction(formData));
    })(event);
  };

  /** The error to show for a field: the browser's check first, the server's otherwise. */
  const errorFor = (field: Path<z.input<Schema>>): string | undefined => {
    const fromForm = form.getFieldState(field, form.formState).error?.message;
    if (fromForm || hydrated) return fromForm;
    // Rendered on the server after a plain post: react-hook-form has not run yet.
    return state && !state.ok ? state.fieldErrors[field]?.[0] : undefined;
  };

  return {
    form,
    state,
    formAction,
    onSubmit,
    pending: pending || form.formState.isSubmitting,
    errorFor,
    formError: state && !state.ok ? state.formError : undefined,
    initial: (field: string): string | undefined =>
      state?.values?.[field] ?? (options.defaultValues as Record<string, unknown>)[field]?.toString(),
  };
}

const noSubscription = () => () => {};
