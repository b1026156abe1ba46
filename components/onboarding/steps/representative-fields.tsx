"use client";

import type { FieldErrors, UseFormRegister } from "react-hook-form";

import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { COUNTRIES } from "@/lib/onboarding/schema/geo";
import { JOB_POSITIONS } from "@/lib/onboarding/schema/options";

import { useFieldNote } from "../wizard-context";

export type RepresentativeValues = {
  firstName: string;
  lastName: string;
  email: string;
  phoneCountry: string;
  phoneNumber: string;
  businessTitle: string;
  jobPosition: string;
};

export const EMPTY_REPRESENTATIVE: RepresentativeValues = {
  firstName: "",
  lastName: "",
  email: "",
  phoneCountry: "US",
  phoneNumber: "",
  businessTitle: "",
  jobPosition: "",
};

const COUNTRY_OPTIONS = COUNTRIES.map((country) => ({ value: country.code, label: country.name }));
const MOBILE_COUNTRY_OPTIONS = COUNTRY_OPTIONS.filter((country) => ["US", "CA"].includes(country.value));

/**
 * The six fields of one authorized representative (Twilio's authorized_representative_N), or, for
 * a sole proprietor, the four of their own contact (starter_customer_profile_information) with the
 * US or Canadian mobile number that also receives the one-time code.
 */
export function RepresentativeFields({
  prefix,
  register,
  errors,
  soleProprietor = false,
}: {
  prefix: "primary" | "secondary";
  // The two representatives share this component; their paths differ only by prefix.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  register: UseFormRegister<any>;
  errors?: FieldErrors<RepresentativeValues>;
  soleProprietor?: boolean;
}) {
  const note = useFieldNote();
  const field = (name: keyof RepresentativeValues) => ({
    ...register(`${prefix}.${name}`),
    note: note(`representatives.${prefix}.${name}`),
  });
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      <TextField
        label="First Name"
        autoComplete="given-name"
        error={errors?.firstName?.message}
        {...field("firstName")}
      />
      <TextField
        label="Last Name"
        autoComplete="family-name"
        error={errors?.lastName?.message}
        {...field("lastName")}
      />
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        error={errors?.email?.message}
        {...field("email")}
        className="sm:col-span-2"
      />
      <SelectField
        label={soleProprietor ? "Mobile Phone Country" : "Phone Number Country"}
        options={soleProprietor ? MOBILE_COUNTRY_OPTIONS : COUNTRY_OPTIONS}
        error={errors?.phoneCountry?.message}
        {...field("phoneCountry")}
      />
      <TextField
        label={soleProprietor ? "Mobile Phone Number" : "Phone Number"}
        type="tel"
        autoComplete="tel-national"
        hint={
          soleProprietor
            ? "A US or Canadian mobile number that receives text messages: the one-time code is sent here."
            : "A number where Twilio can reach this person."
        }
        error={errors?.phoneNumber?.message}
        {...field("phoneNumber")}
      />
      {soleProprietor ? null : (
        <>
          <TextField
            label="Business Title"
            hint="Their title at your company, such as Head of Operations."
            autoComplete="organization-title"
            error={errors?.businessTitle?.message}
            {...field("businessTitle")}
          />
          <SelectField
            label="Job Position"
            options={JOB_POSITIONS.map((position) => ({ value: position, label: position }))}
            error={errors?.jobPosition?.message}
            {...field("jobPosition")}
          />
        </>
      )}
    </div>
  );
}
