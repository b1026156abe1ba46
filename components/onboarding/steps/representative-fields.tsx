"use client";

import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { COUNTRIES } from "@/lib/schemas/onboarding/geo";
import { JOB_POSITIONS } from "@/lib/schemas/onboarding/options";
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

/** The six fields of one authorized representative (Twilio's authorized_representative_N). */
export function RepresentativeFields({
  prefix,
  register,
  errors,
}: {
  prefix: "primary" | "secondary";
  // The two representatives share this component; their paths differ only by prefix.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  register: UseFormRegister<any>;
  errors?: FieldErrors<RepresentativeValues>;
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
        label="Phone Number Country"
        options={COUNTRY_OPTIONS}
        error={errors?.phoneCountry?.message}
        {...field("phoneCountry")}
      />
      <TextField
        label="Phone Number"
        type="tel"
        autoComplete="tel-national"
        hint="A number where Twilio can reach this person."
        error={errors?.phoneNumber?.message}
        {...field("phoneNumber")}
      />
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
    </div>
  );
}

const MOBILE_COUNTRY_OPTIONS = COUNTRY_OPTIONS.filter((country) => ["US", "CA"].includes(country.value));

/**
 * A sole proprietor's contact (Twilio's starter_customer_profile_information), whose mobile number
 * also receives the one-time code (sole_proprietor_information.mobile_phone_number).
 */
export function SoleProprietorContactFields({
  register,
  errors,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  register: UseFormRegister<any>;
  errors?: FieldErrors<RepresentativeValues>;
}) {
  const note = useFieldNote();
  const field = (name: keyof RepresentativeValues) => ({
    ...register(`primary.${name}`),
    note: note(`representatives.primary.${name}`),
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
        label="Mobile Phone Country"
        options={MOBILE_COUNTRY_OPTIONS}
        error={errors?.phoneCountry?.message}
        {...field("phoneCountry")}
      />
      <TextField
        label="Mobile Phone Number"
        type="tel"
        autoComplete="tel-national"
        hint="A US or Canadian mobile number that receives text messages: the one-time code is sent here."
        error={errors?.phoneNumber?.message}
        {...field("phoneNumber")}
      />
    </div>
  );
}
