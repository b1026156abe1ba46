"use client";

import { Button } from "@/components/ui/button";
import { applicationKind } from "@/lib/onboarding/steps";

import { StepActions } from "../step-actions";
import { StepForm } from "../step-form";
import { useStepForm } from "../use-step-form";
import { useWizard } from "../wizard-context";
import { EMPTY_REPRESENTATIVE, RepresentativeFields, type RepresentativeValues } from "./representative-fields";

type Values = { primary: RepresentativeValues; hasSecondary: boolean; secondary: RepresentativeValues };

export function RepresentativesStep() {
  const { form, errors, onNext, onBack, readOnly } = useStepForm<Values>("representatives", {
    primary: EMPTY_REPRESENTATIVE,
    hasSecondary: false,
    secondary: EMPTY_REPRESENTATIVE,
  });
  const { register, watch, setValue } = form;
  const hasSecondary = watch("hasSecondary");
  if (applicationKind(useWizard().draft) === "sole-proprietor") {
    return (
      <StepForm onSubmit={onNext}>
        <p className="text-sm text-slate-600">
          As a sole proprietor, you are the brand&apos;s contact. Twilio texts a one-time code to this mobile number to
          verify your brand: reply to it within 24 hours.
        </p>
        <RepresentativeFields prefix="primary" register={register} errors={errors.primary} soleProprietor />
        <StepActions onBack={onBack} readOnly={readOnly} />
      </StepForm>
    );
  }
  return (
    <StepForm onSubmit={onNext}>
      <p className="text-sm text-slate-600">
        The people Twilio may contact about this registration: usually an owner, director or officer. Twilio checks
        these details against the business.
      </p>
      <section aria-labelledby="representative-1">
        <h2 id="representative-1" className="mb-3 text-base font-semibold text-slate-900">
          Authorized Representative 1
        </h2>
        <RepresentativeFields prefix="primary" register={register} errors={errors.primary} />
      </section>
      {hasSecondary ? (
        <section aria-labelledby="representative-2" className="border-t border-slate-200 pt-5">
          <div className="mb-3 flex items-center justify-between gap-3">
            <h2 id="representative-2" className="text-base font-semibold text-slate-900">
              Authorized Representative 2
            </h2>
            {readOnly ? null : (
              <Button variant="ghost" onClick={() => setValue("hasSecondary", false, { shouldDirty: true })}>
                Remove representative 2
              </Button>
            )}
          </div>
          <RepresentativeFields prefix="secondary" register={register} errors={errors.secondary} />
        </section>
      ) : readOnly ? null : (
        <Button variant="secondary" onClick={() => setValue("hasSecondary", true, { shouldDirty: true })}>
          Add a second representative (optional)
        </Button>
      )}
      <StepActions onBack={onBack} readOnly={readOnly} />
    </StepForm>
  );
}
