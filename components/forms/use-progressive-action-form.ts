"use client";

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";

import type { FormState } from "@/lib/forms/form-state";

const NOTHING_EDITED: ReadonlySet<string> = new Set();

/**
 * A form whose `action` is a server action, so it posts (never GETs) before React hydrates or
 * without JavaScript, and the page renders the action's answer. Once hydrated, the post goes
 * through the same action without a reload (and without React's reset of the form, so nothing
 * typed is lost). The action checks the input with the shared zod schema and its field errors land
 * next to their fields, with focus on the first; a field's error clears as soon as it is edited.
 *
 * No schema library in the browser (#27 line 1): the public pages (sign-in, invitations, password
 * reset) carry only React and Next.js. One round trip for a check is the price, on forms of one to
 * three fields that post anyway.
 */
export function useProgressiveActionForm<Result>(options: {
  action: (previous: FormState<Result>, formData: FormData) => Promise<FormState<Result>>;
  defaultValues: Record<string, string | undefined>;
}) {
  const [state, formAction, pending] = useActionState(options.action, null);
  const formRef = useRef<HTMLFormElement>(null);
  // Fields edited since the last answer: their errors no longer describe what is in them.
  const [edits, setEdits] = useState<{ of: FormState<Result>; fields: ReadonlySet<string> }>({
    of: null,
    fields: NOTHING_EDITED,
  });
  const edited = edits.of === state ? edits.fields : NOTHING_EDITED;

  useEffect(() => {
    if (!state || state.ok) return;
    const first = Object.keys(state.fieldErrors)[0];
    const element = first ? formRef.current?.elements.namedItem(first) : null;
    if (element instanceof HTMLElement) element.focus();
  }, [state]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  };
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const name = (event.target as { name?: unknown }).name;
    if (typeof name === "string" && name && !edited.has(name))
      setEdits({ of: state, fields: new Set([...edited, name]) });
  };

  return {
    formRef,
    state,
    formAction,
    onSubmit,
    onChange,
    pending,
    errorFor: (field: string): string | undefined =>
      state && !state.ok && !edited.has(field) ? state.fieldErrors[field]?.[0] : undefined,
    formError: state && !state.ok ? state.formError : undefined,
    initial: (field: string): string | undefined => state?.values?.[field] ?? options.defaultValues[field],
  };
}
