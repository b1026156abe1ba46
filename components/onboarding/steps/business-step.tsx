"use client";

import { Button } from "@/components/ui/button";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { TAX_ID_CHOICES } from "@/lib/onboarding/review-sections";
import {
  BUSINESS_IDENTITIES,
  BUSINESS_INDUSTRIES,
  BUSINESS_TYPES,
  industryLabel,
  REGIONS,
  REGISTRATION_ID_TYPES,
  SOLE_PROPRIETOR_VERTICALS,
} from "@/lib/onboarding/schema/options";

import { StepActions } from "../step-actions";
import { StepForm } from "../step-form";
import { useStepForm } from "../use-step-form";
import { useFieldNote } from "../wizard-context";

type BusinessValues = {
  hasTaxId: string;
  businessName: string;
  vertical: string;
  businessIdentity: string;
  businessType: string;
  businessIndustry: string;
  registrationIdType: string;
  registrationIdTypeOther: string;
  registrationNumber: string;
  regions: string[];
  websiteUrl: string;
  socialMediaUrls: string[];
};

export function BusinessStep() {
  const { form, errors, onNext, onBack, readOnly } = useStepForm<BusinessValues>("business", {
    hasTaxId: "yes",
    businessName: "",
    vertical: "",
    businessIdentity: "",
    businessType: "",
    businessIndustry: "",
    registrationIdType: "",
    registrationIdTypeOther: "",
    registrationNumber: "",
    regions: [],
    websiteUrl: "",
    socialMediaUrls: [],
  });
  const note = useFieldNote();
  const { register, watch } = form;
  const idType = watch("registrationIdType");
  const example = REGISTRATION_ID_TYPES.find((type) => type.value === idType)?.example;
  const social = watch("socialMediaUrls") as string[];
  const soleProprietor = watch("hasTaxId") === "no";

  return (
    <StepForm onSubmit={onNext}>
      <ChoiceGroup
        legend="Does your business have a tax ID?"
        type="radio"
        choices={TAX_ID_CHOICES}
        registration={register("hasTaxId")}
        note={note("business.hasTaxId")}
        error={errors.hasTaxId?.message}
        disabled={readOnly}
      />

      {soleProprietor ? (
        <>
          <p className="rounded-md bg-slate-50 px-4 py-3 text-sm text-slate-700">
            A Sole Proprietor brand needs only your name, contact details, address and the kind of work you do. After
            approval, Twilio texts a one-time code to your mobile phone: reply within 24 hours to verify your brand. If
            you have an EIN or a Canadian Business Number, choose Yes: registering as a sole proprietor with a tax ID
            fails, and its fees are lost.
          </p>
          <TextField
            label="Brand Name"
            hint="The name your customers know you by; it can be your own name."
            autoComplete="organization"
            error={errors.businessName?.message}
            note={note("business.businessName")}
            {...register("businessName")}
          />
          <SelectField
            label="Vertical (optional)"
            hint="The kind of work you do. You may leave it empty."
            placeholder="Not given"
            options={SOLE_PROPRIETOR_VERTICALS.map((vertical) => ({ value: vertical, label: industryLabel(vertical) }))}
            error={errors.vertical?.message}
            note={note("business.vertical")}
            {...register("vertical")}
          />
          <StepActions onBack={onBack} readOnly={readOnly} />
        </>
      ) : (
        standardFields()
      )}
    </StepForm>
  );

  // A function returning elements (not a component), so the fields keep their identity and focus.
  function standardFields() {
    return (
      <>
        <TextField
          label="Business Name"
          hint="Your legal business name, exactly as registered with your tax authority."
          autoComplete="organization"
          error={errors.businessName?.message}
          note={note("business.businessName")}
          {...register("businessName")}
        />

        <ChoiceGroup
          legend="Business Identity"
          type="radio"
          choices={BUSINESS_IDENTITIES}
          registration={register("businessIdentity")}
          note={note("business.businessIdentity")}
          error={errors.businessIdentity?.message}
          disabled={readOnly}
        />

        <div className="grid gap-6 sm:grid-cols-2">
          <SelectField
            label="Business Type"
            options={BUSINESS_TYPES.map((type) => ({ value: type, label: type }))}
            error={errors.businessType?.message}
            note={note("business.businessType")}
            {...register("businessType")}
          />
          <SelectField
            label="Business Industry"
            options={BUSINESS_INDUSTRIES.map((industry) => ({ value: industry, label: industryLabel(industry) }))}
            error={errors.businessIndustry?.message}
            note={note("business.businessIndustry")}
            {...register("businessIndustry")}
          />
        </div>

        <div className="grid gap-6 sm:grid-cols-2">
          <SelectField
            label="Business Registration ID Type"
            hint="US businesses: use your EIN. Registering with a DUNS number often makes brand registration fail."
            options={[
              ...REGISTRATION_ID_TYPES.map((type) => ({ value: type.value, label: type.label })),
              {
                value: "CCN",
                label: "Canada: Canadian Corporation Number (CCN) — no longer accepted, use CBN",
                disabled: true,
              },
            ]}
            error={errors.registrationIdType?.message}
            note={note("business.registrationIdType")}
            {...register("registrationIdType")}
          />
          <TextField
            label="Business Registration Number"
            hint={example ? `For example ${example}.` : "The number on your registration documents."}
            inputMode={["EIN", "DUNS", "CBN", "ACN", "RN"].includes(idType) ? "numeric" : undefined}
            error={errors.registrationNumber?.message}
            note={note("business.registrationNumber")}
            {...register("registrationNumber")}
          />
        </div>
        {idType === "DUNS" ? (
          <p className="-mt-3 text-sm text-amber-800">
            If you have an EIN, use it instead: Twilio recommends EIN for US businesses.
          </p>
        ) : null}
        {idType === "Other" ? (
          <TextField
            label="Name of Other Registration Type"
            error={errors.registrationIdTypeOther?.message}
            note={note("business.registrationIdTypeOther")}
            {...register("registrationIdTypeOther")}
          />
        ) : null}

        <ChoiceGroup
          legend="Business Regions of Operation"
          type="checkbox"
          columns={3}
          choices={REGIONS}
          registration={register("regions")}
          note={note("business.regions")}
          error={errors.regions?.message ?? errors.regions?.root?.message}
          disabled={readOnly}
        />

        <TextField
          label="Website URL"
          hint="Your business's public website. We add https:// if you leave it out."
          inputMode="url"
          autoComplete="url"
          error={errors.websiteUrl?.message}
          note={note("business.websiteUrl")}
          {...register("websiteUrl")}
        />

        <fieldset disabled={readOnly}>
          <legend className="text-sm font-medium text-slate-800">Social Media Profile URLs (optional)</legend>
          <p className="mt-0.5 text-xs text-slate-500">Links to your business on LinkedIn, Facebook, X and similar.</p>
          <div className="mt-2 space-y-2">
            {social.map((_, index) => (
              <div key={index} className="flex items-end gap-2">
                <TextField
                  className="flex-1"
                  label={`Social Media Profile URL ${index + 1}`}
                  inputMode="url"
                  error={(errors.socialMediaUrls as unknown as { message?: string }[] | undefined)?.[index]?.message}
                  {...register(`socialMediaUrls.${index}` as "socialMediaUrls")}
                />
                <Button
                  variant="ghost"
                  aria-label={`Remove Social Media Profile URL ${index + 1}`}
                  onClick={() =>
                    form.setValue(
                      "socialMediaUrls",
                      social.filter((__, i) => i !== index),
                      { shouldDirty: true },
                    )
                  }
                >
                  Remove
                </Button>
              </div>
            ))}
            {social.length < 5 ? (
              <Button
                variant="secondary"
                onClick={() => form.setValue("socialMediaUrls", [...social, ""], { shouldDirty: true })}
              >
                Add a profile link
              </Button>
            ) : null}
          </div>
        </fieldset>

        <StepActions onBack={onBack} readOnly={readOnly} />
      </>
    );
  }
}
