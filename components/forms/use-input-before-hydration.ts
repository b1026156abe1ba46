"use client";

import { useEffect, useRef } from "react";
import { get, type FieldValues, type Path, type PathValue, type UseFormReturn } from "react-hook-form";

import { differsFromServer } from "./changed-inputs";

type BeforeHydration = { done: boolean; read: Set<string>; changed: Map<string, unknown> };
const beforeHydration = new WeakMap<object, BeforeHydration>();

/**
 * The server renders a form's inputs from the saved draft; a user can type, pick and tick in them
 * before React hydrates (a slow first load, or a form whose code loads at the first touch:
 * hydrate-on-first-touch.tsx), and react-hook-form would then overwrite all of it with the saved
 * values. Each registered input is read just before react-hook-form takes it over; whatever differs
 * from what the server rendered was the user's and is put back once hydrated, then `onRestored`
 * runs (to save it: setValue before the first subscription has settled notifies nobody). Call it
 * during render, right after useForm.
 *
 * Each registration also carries its field's starting value as `defaultValue` (text, select, a
 * radio group's choice, a checkbox group's list) or `defaultChecked` (a lone checkbox), so that the
 * server's HTML shows the saved answers: react-hook-form fills its inputs only in the browser.
 * Choice inputs turn their group's value into their own `defaultChecked` (./checkable.ts).
 */
export function useInputBeforeHydration<Values extends FieldValues>(
  form: UseFormReturn<Values>,
  onRestored: () => void,
) {
  watchRegistrations(form);
  const restored = useRef(onRestored);
  useEffect(() => {
    restored.current = onRestored;
  });
  useEffect(() => {
    const state = beforeHydration.get(form);
    if (!state) return;
    state.done = true;
    if (!state.changed.size) return;
    for (const [name, value] of state.changed)
      form.setValue(name as Path<Values>, value as PathValue<Values, Path<Values>>, {
        shouldDirty: true,
        shouldTouch: true,
      });
    state.changed.clear();
    restored.current();
  }, [form]);
}

function watchRegistrations<Values extends FieldValues>(form: UseFormReturn<Values>) {
  if (beforeHydration.has(form)) return;
  const state: BeforeHydration = { done: false, read: new Set(), changed: new Map() };
  beforeHydration.set(form, state);
  const register = form.register;
  form.register = ((name, options) => {
    const field = register(name, options);
    const starting = get(form.formState.defaultValues, name) as unknown;
    return {
      ...field,
      ...startingValueOf(starting),
      ref: (element: unknown) => {
        // Read at the field's first input, before react-hook-form has set any input of its group.
        if (!state.done && !state.read.has(name) && element) {
          state.read.add(name);
          const left = leftByUser(element, Array.isArray(starting));
          if (left) state.changed.set(name, left.value);
        }
        field.ref(element as never);
      },
    };
  }) as typeof form.register;
}

/**
 * What the user left in a field whose inputs differ from what the server rendered (their defaults):
 * the text, the select's choice, the radio group's choice, the checkbox group's list or the lone
 * box's state; nothing for a field left as it was.
 */
function leftByUser(element: unknown, list: boolean): { value: unknown } | null {
  if (!(element instanceof Element)) return null;
  if (!(element instanceof HTMLInputElement) || (element.type !== "checkbox" && element.type !== "radio"))
    return differsFromServer(element) ? { value: (element as HTMLInputElement).value } : null;
  const group = [...(element.form?.elements ?? [element])].filter(
    (other): other is HTMLInputElement => other instanceof HTMLInputElement && other.name === element.name,
  );
  if (!group.some(differsFromServer)) return null;
  if (element.type === "radio") return { value: group.find((radio) => radio.checked)?.value ?? "" };
  return { value: list ? group.filter((box) => box.checked).map((box) => box.value) : element.checked };
}

function startingValueOf(value: unknown): { defaultValue?: string | string[]; defaultChecked?: boolean } {
  if (typeof value === "boolean") return { defaultChecked: value };
  if (typeof value === "string" || typeof value === "number") return { defaultValue: String(value) };
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return { defaultValue: value };
  return {};
}
