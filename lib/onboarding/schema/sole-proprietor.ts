import { z } from "zod";

import { SOLE_PROPRIETOR_COUNTRIES, SOLE_PROPRIETOR_VERTICALS } from "./options";
import { toE164 } from "./representatives";

/**
 * A sole proprietor (no EIN or Canadian Business Number) registers a Sole Proprietor brand with
 * only what Twilio's Sole Proprietor walkthrough asks for: the Starter Customer Profile's contact
 * (starter_customer_profile_information: first_name, last_name, email, phone_number), an address,
 * and the trust product's sole_proprietor_information (brand_name, vertical, mobile_phone_number).
 * The mobile number receives the one-time code that verifies the brand.
 */
export const soleProprietorBusinessSchema = z.object({
  hasTaxId: z.literal("no"),
  businessName: z
    .string({ error: "Enter the name your customers know you by." })
    .trim()
    .min(1, "Enter the name your customers know you by.")
    .max(255, "Use at most 255 characters."),
  // Optional, one of the 23 values Twilio publishes (Sole Proprietor walkthrough §2.3): left empty,
  // it is not sent at all.
  vertical: z.preprocess(
    (vertical) => (vertical === "" || vertical === null ? undefined : vertical),
    z.enum(SOLE_PROPRIETOR_VERTICALS, { error: "Choose the kind of work you do, or leave it empty." }).optional(),
  ),
});

export const soleProprietorContactSchema = z
  .object({
    firstName: z.string().trim().min(1, "Enter your first name.").max(100, "Use at most 100 characters."),
    lastName: z.string().trim().min(1, "Enter your last name.").max(100, "Use at most 100 characters."),
    email: z
      .string()
      .trim()
      .min(1, "Enter your email address.")
      .pipe(z.email("Enter an email address like name@example.com.")),
    phoneCountry: z.enum(SOLE_PROPRIETOR_COUNTRIES, {
      error: "Sole proprietor brands need a US or Canadian mobile number.",
    }),
    phoneNumber: z.string().trim().min(1, "Enter your mobile phone number."),
  })
  .superRefine((contact, ctx) => {
    if (contact.phoneNumber && !toE164(contact.phoneCountry ?? "", contact.phoneNumber)) {
      ctx.addIssue({
        code: "custom",
        path: ["phoneNumber"],
        message: "Enter a mobile number that can receive text messages, like (415) 555-0100.",
      });
    }
  })
  .transform((contact) => ({ ...contact, phoneE164: toE164(contact.phoneCountry, contact.phoneNumber)! }));

/** Only the one person; a second representative is a Standard brand's field. */
export const soleProprietorRepresentativesSchema = z
  .object({ primary: soleProprietorContactSchema })
  .transform((reps) => ({ primary: reps.primary, secondary: null }));

/** Nothing to choose: the brand type is SOLE_PROPRIETOR and there is no company type. */
export const soleProprietorCompanySchema = z.object({}).transform(() => null);
