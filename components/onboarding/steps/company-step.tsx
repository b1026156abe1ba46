"use client";

import { ChoiceGroup } from "@/components/ui/choice-group";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { BRAND_TYPES, COMPANY_TYPES, STOCK_EXCHANGES } from "@/lib/onboarding/schema/options";
import { applicationKind } from "@/lib/onboarding/steps";

import { StepActions } from "../step-actions";
import { StepForm } from "../step-form";
import { useStepForm } from "../use-step-form";
import { useFieldNote, useWizard } from "../wizard-context";

type Values = {
  companyType: string;
  stockExchange: string;
  stockTicker: string;
  brandContactEmail: string;
  brandType: string;
};

export function CompanyStep() {
  const { form, errors, onNext, onBack, readOnly } = useStepForm<Values>("company", {
    companyType: "",
    stockExchange: "",
    stockTicker: "",
    brandContactEmail: "",
    brandType: "",
  });
  const note = useFieldNote();
  const { register, watch } = form;
  const isPublic = watch("companyType") === "public";
  if (applicationKind(useWizard().draft) === "sole-proprietor") {
    return (
      <StepForm onSubmit={onNext}>
        <h2 className="text-base font-semibold text-slate-900">Sole Proprietor brand</h2>
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>Nothing to choose here: without a tax ID, your brand is a Sole Proprietor brand.</li>
          <li>It has one campaign (use case Sole Proprietor) and one phone number, with low sending limits.</li>
          <li>
            Once our team approves your application, Twilio texts a one-time code to your mobile phone. Reply to it
            within 24 hours; if the time runs out, you can ask for a new code from your home page.
          </li>
        </ul>
        <StepActions onBack={onBack} readOnly={readOnly} />
      </StepForm>
    );
  }
  return (
    <StepForm onSubmit={onNext}>
      <ChoiceGroup
        legend="Company Type"
        type="radio"
        columns={2}
        choices={COMPANY_TYPES}
        registration={register("companyType")}
        note={note("company.companyType")}
        error={errors.companyType?.message}
        disabled={readOnly}
      />
      {isPublic ? (
        <div className="grid gap-6 sm:grid-cols-2">
          <SelectField
            label="Stock Exchange"
            options={STOCK_EXCHANGES.filter((exchange) => exchange !== "NONE").map((exchange) => ({
              value: exchange,
              label: exchange,
            }))}
            error={errors.stockExchange?.message}
            note={note("company.stockExchange")}
            {...register("stockExchange")}
          />
          <TextField
            label="Stock Ticker"
            hint="The symbol your shares trade under, such as ACME."
            autoCapitalize="characters"
            error={errors.stockTicker?.message}
            note={note("company.stockTicker")}
            {...register("stockTicker")}
          />
        </div>
      ) : null}
      <TextField
        label="Brand Contact Email"
        type="email"
        hint={
          isPublic
            ? "Required for public companies, on your company's own domain (not Gmail, Yahoo or similar): The Campaign Registry sends a verification email here, and the link in it is valid for 7 days."
            : "Optional. For public companies, a verification email is sent here."
        }
        error={errors.brandContactEmail?.message}
        note={note("company.brandContactEmail")}
        {...register("brandContactEmail")}
      />
      <ChoiceGroup
        legend="Brand type"
        type="radio"
        columns={2}
        choices={BRAND_TYPES}
        registration={register("brandType")}
        note={note("company.brandType")}
        error={errors.brandType?.message}
        disabled={readOnly}
      />
      <StepActions onBack={onBack} readOnly={readOnly} />
    </StepForm>
  );
}
