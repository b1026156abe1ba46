"use client";

import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { COUNTRIES, regionsOf } from "@/lib/onboarding/schema/geo";

import { StepActions } from "../step-actions";
import { StepForm } from "../step-form";
import { useStepForm } from "../use-step-form";
import { useFieldNote } from "../wizard-context";

type Values = {
  customerName: string;
  street: string;
  streetSecondary: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
};

export function AddressStep() {
  const { form, errors, onNext, onBack, readOnly } = useStepForm<Values>("address", {
    customerName: "",
    street: "",
    streetSecondary: "",
    city: "",
    region: "",
    postalCode: "",
    country: "US",
  });
  const note = useFieldNote();
  const { register, watch } = form;
  const regions = regionsOf(watch("country"));
  return (
    <StepForm onSubmit={onNext}>
      <p className="text-sm text-slate-600">Where your business is physically located. PO boxes are not accepted.</p>
      <TextField
        label="Business Name on the Address"
        hint="Usually your legal business name."
        autoComplete="organization"
        error={errors.customerName?.message}
        note={note("address.customerName")}
        {...register("customerName")}
      />
      <SelectField
        label="Country"
        options={COUNTRIES.map((country) => ({ value: country.code, label: country.name }))}
        autoComplete="country"
        error={errors.country?.message}
        note={note("address.country")}
        {...register("country")}
      />
      <TextField
        label="Street Address"
        autoComplete="address-line1"
        error={errors.street?.message}
        note={note("address.street")}
        {...register("street")}
      />
      <TextField
        label="Street Address 2 (optional)"
        hint="Suite, unit or floor."
        autoComplete="address-line2"
        error={errors.streetSecondary?.message}
        note={note("address.streetSecondary")}
        {...register("streetSecondary")}
      />
      <div className="grid gap-6 sm:grid-cols-3">
        <TextField
          label="City"
          autoComplete="address-level2"
          error={errors.city?.message}
          note={note("address.city")}
          {...register("city")}
        />
        {regions ? (
          <SelectField
            label="State / Province / Region"
            options={regions.map(([code, name]) => ({ value: code, label: name }))}
            autoComplete="address-level1"
            error={errors.region?.message}
            note={note("address.region")}
            {...register("region")}
          />
        ) : (
          <TextField
            label="State / Province / Region"
            autoComplete="address-level1"
            error={errors.region?.message}
            note={note("address.region")}
            {...register("region")}
          />
        )}
        <TextField
          label="Postal Code"
          autoComplete="postal-code"
          error={errors.postalCode?.message}
          note={note("address.postalCode")}
          {...register("postalCode")}
        />
      </div>
      <StepActions onBack={onBack} readOnly={readOnly} />
    </StepForm>
  );
}
