import { z } from "zod";

import { applicationKind, draftAsInput, type ApplicationDraft, type FormStepId } from "../steps";
import { addressSchema, soleProprietorAddressSchema } from "./address";
import { businessSchema } from "./business";
import { companySchema } from "./company";
import { SOLE_PROPRIETOR_COUNTRIES } from "./options";
import { representativesSchema } from "./representatives";
import {
  soleProprietorBusinessSchema,
  soleProprietorCompanySchema,
  soleProprietorRepresentativesSchema,
} from "./sole-proprietor";

// What the browser needs before it checks anything lives in ../steps (no zod): re-exported here for
// the server's code, which reads both from one place.
export { applicationKind, draftAsInput, STEPS } from "../steps";
export type { ApplicationDraft, ApplicationKind, FormStepId, StepId } from "../steps";

/**
 * The whole Standard (or Low-Volume Standard) application, checked before it is sent for review:
 * every step, plus the rules that span steps (Twilio expects non-profits in NOT_FOR_PROFIT and
 * governments in GOVERNMENT).
 */
export const applicationSchema = z
  .object({
    business: businessSchema,
    representatives: representativesSchema,
    address: addressSchema,
    company: companySchema,
  })
  .superRefine((application, ctx) => {
    const industry = application.business.businessIndustry;
    const companyType = application.company.companyType;
    if (companyType === "non-profit" && industry !== "NOT_FOR_PROFIT") {
      ctx.addIssue({
        code: "custom",
        path: ["business", "businessIndustry"],
        message: "Non-profit organizations use the industry “Not for profit”.",
      });
    }
    if (industry === "NOT_FOR_PROFIT" && companyType !== "non-profit") {
      ctx.addIssue({
        code: "custom",
        path: ["company", "companyType"],
        message:
          "The industry “Not for profit” is for non-profit organizations: choose Non-profit organization, or another industry.",
      });
    }
    if (companyType === "government" && industry !== "GOVERNMENT") {
      ctx.addIssue({
        code: "custom",
        path: ["business", "businessIndustry"],
        message: "Government organizations use the industry “Government”.",
      });
    }
    if (industry === "GOVERNMENT" && companyType !== "government") {
      ctx.addIssue({
        code: "custom",
        path: ["company", "companyType"],
        message: "The industry “Government” is for government organizations: choose Government, or another industry.",
      });
    }
  })
  .transform((application) => ({ kind: "standard" as const, ...application }));

/** A Sole Proprietor application (no tax ID): US or Canada only, as Twilio requires. */
export const soleProprietorApplicationSchema = z
  .object({
    business: soleProprietorBusinessSchema,
    representatives: soleProprietorRepresentativesSchema,
    address: soleProprietorAddressSchema,
    company: soleProprietorCompanySchema,
  })
  .superRefine((application, ctx) => {
    if (!(SOLE_PROPRIETOR_COUNTRIES as readonly string[]).includes(application.address.country)) {
      ctx.addIssue({
        code: "custom",
        path: ["address", "country"],
        message:
          "Sole proprietor brands are for the US and Canada only: outside them, register as a Standard brand with your business registration number.",
      });
    }
  })
  .transform((application) => ({ kind: "sole-proprietor" as const, ...application }));

export type StandardApplication = z.output<typeof applicationSchema>;
export type SoleProprietorApplication = z.output<typeof soleProprietorApplicationSchema>;
/** What provisioning works from: one of the two kinds, told apart by `kind`. */
export type Application = StandardApplication | SoleProprietorApplication;

const STEP_SCHEMAS = {
  standard: {
    business: businessSchema,
    representatives: representativesSchema,
    address: addressSchema,
    company: companySchema,
  },
  "sole-proprietor": {
    business: soleProprietorBusinessSchema,
    representatives: soleProprietorRepresentativesSchema,
    address: soleProprietorAddressSchema,
    company: soleProprietorCompanySchema,
  },
} as const;

/** One step's schema for the kind of application the draft is (the form and the server share it). */
export function stepSchemaFor(step: FormStepId, draft: ApplicationDraft): z.ZodType {
  return STEP_SCHEMAS[applicationKind(draft)][step];
}

/** The Standard steps' schemas (the kind most customers are). */
export const stepSchemas = STEP_SCHEMAS.standard;

/** The whole draft checked as the application kind it is. */
export function parseApplication(draft: ApplicationDraft): z.ZodSafeParseResult<Application> {
  const input = draftAsInput(draft);
  return applicationKind(draft) === "sole-proprietor"
    ? soleProprietorApplicationSchema.safeParse(input)
    : applicationSchema.safeParse(input);
}
