import { z } from "zod";

import {
  BUSINESS_IDENTITIES,
  BUSINESS_INDUSTRIES,
  BUSINESS_TYPES,
  REGION_VALUES,
  REGISTRATION_ID_TYPE_VALUES,
} from "./options";
import { checkRegistrationNumber } from "./registration-number";
import { normalizeWebUrl } from "./web-url";

const choose = (what: string) => ({ error: `Choose ${what}.` });

/** Step 1, Business information: Twilio's customer_profile_business_information fields. */
export const businessSchema = z
  .object({
    // "no" (no EIN or Canadian Business Number) makes the application a Sole Proprietor one.
    hasTaxId: z.literal("yes").optional().default("yes"),
    businessName: z.string().trim().min(1, "Enter your business's legal name.").max(255, "Use at most 255 characters."),
    businessIdentity: z.enum(
      BUSINESS_IDENTITIES.map((identity) => identity.value) as [string, ...string[]],
      choose("how you use messaging"),
    ),
    businessType: z.enum(BUSINESS_TYPES, choose("your business type")),
    businessIndustry: z.enum(BUSINESS_INDUSTRIES, choose("your industry")),
    registrationIdType: z
      .string({ error: "Choose the type of registration number." })
      .refine(
        (value) => value !== "CCN",
        "The Canadian Corporation Number (CCN) is no longer accepted for A2P messaging: use your Canadian Business Number (CBN).",
      )
      .pipe(z.enum(REGISTRATION_ID_TYPE_VALUES as [string, ...string[]], choose("the type of registration number"))),
    registrationIdTypeOther: z.string().trim().max(100, "Use at most 100 characters.").optional().default(""),
    registrationNumber: z.string({ error: "Enter the Business Registration Number." }),
    regions: z
      .array(z.enum(REGION_VALUES as [string, ...string[]]))
      .min(1, "Choose at least one region where you do business."),
    websiteUrl: z.string({ error: "Enter your website address." }).transform((value, ctx) => {
      const url = normalizeWebUrl(value);
      if (!url)
        ctx.addIssue({
          code: "custom",
          message: value.trim() ? "Enter a website address like www.example.com." : "Enter your website address.",
        });
      return url ?? value;
    }),
    socialMediaUrls: z
      .array(
        z.string().transform((value, ctx) => {
          if (!value.trim()) return "";
          const url = normalizeWebUrl(value);
          if (!url)
            ctx.addIssue({ code: "custom", message: "Enter a link like https://www.linkedin.com/company/example." });
          return url ?? value;
        }),
      )
      .max(5, "Add at most 5 profiles.")
      .optional()
      .default([])
      .transform((urls) => urls.filter(Boolean)),
  })
  .superRefine((business, ctx) => {
    if (business.registrationIdType === "Other" && !business.registrationIdTypeOther) {
      ctx.addIssue({
        code: "custom",
        path: ["registrationIdTypeOther"],
        message: "Enter the name of the registration type.",
      });
    }
    const number = checkRegistrationNumber(business.registrationIdType, business.registrationNumber);
    if (!number.ok) ctx.addIssue({ code: "custom", path: ["registrationNumber"], message: number.message });
  })
  .transform((business) => {
    const number = checkRegistrationNumber(business.registrationIdType, business.registrationNumber);
    return { ...business, registrationNumber: number.ok ? number.value : business.registrationNumber };
  });

export type Business = z.output<typeof businessSchema>;
