"use client";

import { useEffect } from "react";
import { useForm, type FieldValues, type Resolver } from "react-hook-form";

import { useInputBeforeHydration } from "@/components/forms/use-input-before-hydration";
import { useShownErrors } from "@/components/forms/use-shown-errors";
import { STEPS, type FormStepId } from "@/lib/onboarding/steps";

import { loadValidator } from "./validator";
import { useWizard } from "./wizard-context";

/**
 * One step's form: react-hook-form under the step's zod schema, filled from the draft. Every change
 * goes to the draft (saved as typed, valid or not); Next checks the step first; Back never checks.
 * The schema arrives with the wizard's checks (./validator.ts): a check made before waits for them.
 */
export function useStepForm<Values extends FieldValues>(stepId: FormStepId, defaults: Values) {
  const wizard = useWizard();
  const saved = (wizard.draft[stepId] ?? {}) as Partial<Values>;
  const form = useForm<Values>({
    // The schema follows the application's kind (a sole proprietor's steps ask for less), which the
    // business step's own answer decides: read it from the values being checked.
    resolver: (async (values, context, options) =>
      (await loadValidator()).resolverFor<Values>(stepId, { ...wizard.draft, [stepId]: values })(
        values,
        context,
        options,
      )) as Resolver<Values>,
    defaultValues: { ...defaults, ...saved } as never,
    mode: "onTouched",
    shouldFocusError: true,
    disabled: wizard.readOnly,
  });

  const { update } = wizard;
  // Text typed while the page was still loading goes into the form, and so into the draft.
  // setValue before the first render's subscription has settled does not notify it: save directly.
  useInputBeforeHydration(form, () => update(stepId, form.getValues() as Record<string, unknown>));

  useEffect(
    () =>
      form.subscribe({
        formState: { values: true },
        callback: ({ values }) => update(stepId, values as Record<string, unknown>),
      }),
    [form, stepId, update],
  );

  // A step with saved answers shows what still needs fixing straight away, as the server checked it.
  const errors = useShownErrors(
    form,
    Object.keys(saved).length && !wizard.readOnly ? wizard.savedCheck.fieldErrors[stepId] : null,
  );

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

  return { form, errors, onNext, onBack, readOnly: wizard.readOnly };
}
