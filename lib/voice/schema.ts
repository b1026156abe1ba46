import { z } from "zod";

const phoneNumberSid = z.string().regex(/^PN[0-9a-fA-F]{32}$/, "Choose one of the account's phone numbers.");

/** Numbers chosen for SHAKEN/STIR (a form posts one value per ticked box). */
export const shakenStirRequestSchema = z.object({
  applicationId: z.string().min(1),
  phoneNumberSids: z
    .union([phoneNumberSid, z.array(phoneNumberSid)], { error: "Choose at least one phone number." })
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .pipe(z.array(phoneNumberSid).min(1, "Choose at least one phone number.").max(50, "Choose at most 50 at once.")),
});
