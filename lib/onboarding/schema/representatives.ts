import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { z } from "zod";

import { JOB_POSITIONS } from "./options";

/**
 * A phone number from its country and national number, as E.164. "Possible" (the right length for
 * the country) is the rule rather than "valid": validity depends on which ranges are in service,
 * and would refuse the seeds' own example number (+1 222 555 7890).
 */
export function toE164(country: string, national: string): string | null {
  const parsed = parsePhoneNumberFromString(national.trim(), (country || "US") as CountryCode);
  return parsed?.isPossible() ? parsed.number : null;
}

export const representativeSchema = z
  .object({
    firstName: z.string().trim().min(1, "Enter the first name.").max(100, "Use at most 100 characters."),
    lastName: z.string().trim().min(1, "Enter the last name.").max(100, "Use at most 100 characters."),
    email: z
      .string()
      .trim()
      .min(1, "Enter an email address.")
      .pipe(z.email("Enter an email address like name@company.com.")),
    phoneCountry: z
      .string()
      .trim()
      .regex(/^[A-Z]{2}$/, "Choose the phone number's country."),
    phoneNumber: z.string().trim().min(1, "Enter a phone number."),
    businessTitle: z
      .string()
      .trim()
      .min(1, "Enter their title, such as Head of Operations.")
      .max(100, "Use at most 100 characters."),
    jobPosition: z.enum(JOB_POSITIONS, { error: "Choose a job position." }),
  })
  // A refinement (not the transform) so the phone is checked even when another field is wrong too.
  .superRefine((rep, ctx) => {
    if (
      typeof rep.phoneNumber === "string" &&
      rep.phoneNumber.trim() &&
      !toE164(rep.phoneCountry ?? "", rep.phoneNumber)
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["phoneNumber"],
        message: "Enter a phone number that can be dialled in the chosen country, like (415) 555-0100.",
      });
    }
  })
  .transform((rep) => ({ ...rep, phoneE164: toE164(rep.phoneCountry, rep.phoneNumber)! }));

/** Step 2: representative 1 is required; representative 2 is optional and can be added or removed. */
export const representativesSchema = z
  .object({
    primary: representativeSchema,
    hasSecondary: z.boolean().optional().default(false),
    secondary: z.unknown().optional(),
  })
  .transform((reps, ctx) => {
    if (!reps.hasSecondary) return { primary: reps.primary, secondary: null };
    const secondary = representativeSchema.safeParse(reps.secondary ?? {});
    if (!secondary.success) {
      for (const issue of secondary.error.issues)
        ctx.addIssue({ ...issue, path: ["secondary", ...issue.path] } as z.core.$ZodRawIssue);
      return z.NEVER;
    }
    return { primary: reps.primary, secondary: secondary.data };
  });

export type RepresentativeInput = z.input<typeof representativeSchema>;
export type Representative = z.output<typeof representativeSchema>;
