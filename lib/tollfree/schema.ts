import { z } from "zod";

import { BUSINESS_TYPES, MESSAGE_VOLUMES, OPT_IN_TYPES, REGISTRATION_AUTHORITIES, USE_CASE_CATEGORIES } from "./fields";

/**
 * A toll-free verification as the customer sends it for review, shared by the form and the server
 * actions. Twilio's required parameters (Messaging v1 OpenAPI, CreateTollfreeVerificationRequest)
 * and enumerations are required here, as are the business type and, except for a sole proprietor,
 * the registration number, authority and country ("Required for all business types except
 * SOLE_PROPRIETOR", tollfree-verification-resource.md; in force for new submissions since January
 * 2026), and the address and contact Twilio's reviewers check.
 */
const values = <T extends readonly { value: string }[]>(options: T) =>
  options.map((option) => option.value) as [T[number]["value"], ...T[number]["value"][]];

const requiredText = (label: string, max = 255) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} can be at most ${max} characters.`);
const optionalText = (max = 1000) =>
  z.string().trim().max(max, `Use at most ${max} characters.`).optional().default("");

const webAddress = /^https?:\/\/[^\s/$.?#][^\s]*\.[^\s]+$/i;
const requiredUrl = (label: string) =>
  requiredText(label, 500).refine(
    (value) => webAddress.test(value),
    `The ${label} must be a web address, such as https://example.com.`,
  );
const optionalUrl = (label: string) =>
  optionalText(500).refine((value) => !value || webAddress.test(value), `The ${label} must be a web address.`);
const email = (label: string) =>
  requiredText(label, 254).refine((value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), `Enter a valid ${label}.`);
const choice = <T extends readonly { value: string }[]>(options: T, message: string) =>
  z.enum(values(options), { error: message });

export const tollfreeSchema = z
  .object({
    businessName: requiredText("business name"),
    doingBusinessAs: optionalText(255),
    businessWebsite: requiredUrl("business website"),
    businessType: choice(BUSINESS_TYPES, "Choose the type of business."),
    businessRegistrationAuthority: z.string().trim().optional().default(""),
    businessRegistrationNumber: z.string().trim().max(64, "Use at most 64 characters.").optional().default(""),
    businessRegistrationCountry: z.string().trim().toUpperCase().optional().default(""),
    businessStreetAddress: requiredText("street address"),
    businessStreetAddress2: optionalText(255),
    businessCity: requiredText("city"),
    businessStateProvinceRegion: requiredText("state, province or region"),
    businessPostalCode: requiredText("postal code", 20),
    businessCountry: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, "Enter the country as two letters, such as US."),
    businessContactFirstName: requiredText("contact's first name"),
    businessContactLastName: requiredText("contact's last name"),
    businessContactEmail: email("contact email"),
    businessContactPhone: z
      .string()
      .trim()
      .regex(/^\+[1-9]\d{7,14}$/, "Enter the phone number in international format, such as +14155550100."),
    notificationEmail: email("notification email"),
    useCaseCategories: z
      .array(z.enum(values(USE_CASE_CATEGORIES)), { error: "Choose at least one use case category." })
      .min(1, "Choose at least one use case category."),
    useCaseSummary: requiredText("use case summary", 4096).refine(
      (value) => value.length >= 40,
      "Describe your use case in at least 40 characters: who receives your messages, why, and what they say.",
    ),
    productionMessageSample: requiredText("production message sample", 1024).refine(
      (value) => value.length >= 20,
      "Write a sample of at least 20 characters, exactly as you will send it.",
    ),
    messageVolume: choice(MESSAGE_VOLUMES, "Choose about how many messages a month you will send."),
    optInType: choice(OPT_IN_TYPES, "Choose how people opt in."),
    optInImageUrls: z
      .string()
      .trim()
      .transform((value) =>
        value
          .split(/\s+/)
          .map((line) => line.trim())
          .filter(Boolean),
      )
      .refine((urls) => urls.length > 0, "Add at least one link to an image of your opt-in.")
      .refine(
        (urls) => urls.every((url) => webAddress.test(url)),
        "Each line must be a web address, such as https://example.com/opt-in.png.",
      ),
    optInKeywords: z
      .string()
      .optional()
      .default("")
      .transform((value) =>
        value
          .split(/[\s,]+/)
          .map((keyword) => keyword.trim().toUpperCase())
          .filter(Boolean),
      )
      .refine(
        (list) => list.every((keyword) => /^[A-Z0-9]{1,50}$/.test(keyword)),
        "Keywords: letters and digits only, separated by commas.",
      ),
    optInConfirmationMessage: optionalText(),
    helpMessageSample: optionalText(),
    privacyPolicyUrl: optionalUrl("privacy policy URL"),
    termsAndConditionsUrl: optionalUrl("terms and conditions URL"),
    ageGatedContent: z.boolean().default(false),
    additionalInformation: optionalText(),
  })
  .superRefine((verification, ctx) => {
    if (verification.businessType === "SOLE_PROPRIETOR") return;
    const authorities = values(REGISTRATION_AUTHORITIES) as string[];
    if (!authorities.includes(verification.businessRegistrationAuthority))
      ctx.addIssue({
        code: "custom",
        path: ["businessRegistrationAuthority"],
        message: "Choose who issued your registration number (a sole proprietor chooses that business type instead).",
      });
    if (!verification.businessRegistrationNumber)
      ctx.addIssue({
        code: "custom",
        path: ["businessRegistrationNumber"],
        message: "Enter your business registration number, such as your EIN.",
      });
    if (!/^[A-Z]{2}$/.test(verification.businessRegistrationCountry))
      ctx.addIssue({
        code: "custom",
        path: ["businessRegistrationCountry"],
        message: "Enter the country of registration as two letters, such as US.",
      });
  });

export type TollfreeInput = z.input<typeof tollfreeSchema>;
export type Tollfree = z.output<typeof tollfreeSchema>;
