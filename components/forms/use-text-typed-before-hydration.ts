"use client";

import { useEffect, useRef } from "react";
import type { FieldValues, Path, PathValue, UseFormReturn } from "react-hook-form";

type TypedBeforeHydration = { done: boolean; values: Map<string, string> };
const typedBeforeHydration = new WeakMap<object, TypedBeforeHydration>();

/**
 * The server renders a form's inputs from the saved draft; on a slow first load a user can type
 * into them before React hydrates, and react-hook-form would then overwrite that text with the
 * saved values. Each registered text input's value is read just before react-hook-form takes it
 * over; whatever differs from what the server rendered was typed by the user and is put back once
 * hydrated, then `onRestored` runs (to save it: setValue before the first subscription has settled
 * notifies nobody). Call it during render, right after useForm.
 */
export function useTextTypedBeforeHydration<Values extends FieldValues>(
  form: UseFormReturn<Values>,
  onRestored: () => void,
) {
  watchRegistrations(form);
  const restored = useRef(onRestored);
  useEffect(() => {
    restored.current = onRestored;
  });
  useEffect(() => {
    const typed = typedBeforeHydration.get(form);
    if (!typed) return;
    typed.done = true;
    if (!typed.values.size) return;
    for (const [name, value] of typed.values)
      form.setValue(name as Path<Values>, value as PathValue<Values, Path<Values>>, {
        shouldDirty: true,
        shouldTouch: true,
      });
    typed.values.clear();
    restored.current();
  }, [form]);
}

function watchRegistrations<Values extends FieldValues>(form: UseFormReturn<Values>) {
  if (typedBeforeHydration.has(form)) return;
  const typed: TypedBeforeHydration = { done: false, values: new Map() };
  typedBeforeHydration.set(form, typed);
  const register = form.register;
  form.register = ((name, options) => {
    const field = register(name, options);
    return {
      ...field,
      ref: (element: unknown) => {
        if (
          !typed.done &&
          (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) &&
          !["checkbox", "radio", "hidden"].includes(element.type) &&
          element.value !== element.defaultValue
        )
          typed.values.set(name, element.value);
        field.ref(element as never);
      },
    };
  }) as typeof form.register;
}
