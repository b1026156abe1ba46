"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect } from "react";
import {
  useForm,
  type FieldValues,
  type Path,
  type PathValue,
  type Resolver,
  type UseFormReturn,
} from "react-hook-form";
import { STEPS, stepSchemas, type FormStepId } from "@/lib/schemas/onboarding/application";
import { useWizard } from "./wizard-context";

/**
 * One step's form: react-hook-form under the step's zod schema, filled from the draft. Every change
 * goes to the draft (saved as typed, valid or not); Next checks the step first; Back never checks.
 */
export function useStepForm<Values extends FieldValues>(stepId: FormStepId, defaults: Values) {
  const wizard = useWizard();
  const saved = (wizard.draft[stepId] ?? {}) as Partial<Values>;
  const form = useForm<Values>({
    resolver: zodResolver(stepSchemas[stepId] as never) as unknown as Resolver<Values>,
    defaultValues: { ...defaults, ...saved } as never,
    mode: "onTouched",
    shouldFocusError: true,
    disabled: wizard.readOnly,
  });

  keepTextTypedBeforeHydration(form);

  const { update } = wizard;
  useEffect(
    () =>
      form.subscribe({
        formState: { values: true },
        callback: ({ values }) => update(stepId, values as Record<string, unknown>),
      }),
    [form, stepId, update],
  );

  // Text typed while the page was still loading goes into the form (and so into the draft).
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
    // setValue before the first render's subscription has settled does not notify it: save directly.
    update(stepId, form.getValues() as Record<string, unknown>);
  }, [form, stepId, update]);

  // A step with saved answers shows what still needs fixing straight away.
  useEffect(() => {
    if (Object.keys(saved).length && !wizard.readOnly) void form.trigger(undefined, { shouldFocus: false });
    // Only when the step opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A link from the home page ("Fix Business information: Website URL") opens the step at that field.
  useEffect(() => {
    const field = new URLSearchParams(window.location.search).get("field");
    if (!field?.startsWith(`${stepId}.`)) return;
    const frame = requestAnimationFrame(() => form.setFocus(field.slice(stepId.length + 1) as never));
    return () => cancelAnimationFrame(frame);
    // Only when the step opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const index = STEPS.findIndex((step) => step.id === stepId);
  const next = STEPS[index + 1]?.id;
  const previous = STEPS[index - 1]?.id;

  const submitStep = form.handleSubmit(async () => {
    if (next) await wizard.goTo(next);
  });
  // A sent application is read-only: Next just turns the page.
  const onNext = wizard.readOnly
    ? (event?: { preventDefault(): void }) => {
        event?.preventDefault();
        if (next) void wizard.goTo(next);
      }
    : submitStep;
  const onBack = previous ? () => wizard.goTo(previous) : undefined;

  return { form, onNext, onBack, readOnly: wizard.readOnly };
}

type TypedBeforeHydration = { done: boolean; values: Map<string, string> };
const typedBeforeHydration = new WeakMap<object, TypedBeforeHydration>();

/**
 * The server renders the step's inputs empty; on a slow first load a customer can type into them
 * before React hydrates, and react-hook-form would then overwrite that text with the saved draft.
 * Each registered text input's value is read just before react-hook-form takes it over; whatever
 * differs from what the server rendered was typed by the customer and is put back afterwards.
 */
function keepTextTypedBeforeHydration<Values extends FieldValues>(form: UseFormReturn<Values>) {
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
