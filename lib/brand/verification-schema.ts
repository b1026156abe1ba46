import { z } from "zod";

/**
 * "Send the code again" / "Verify again": which application's brand, and for Authentication+ that
 * staff accept its new fee (a checkbox: "on" when ticked, absent otherwise).
 */
export const resendVerificationSchema = z.object({
  applicationId: z.string().min(1),
  acceptFee: z
    .union([z.literal("on"), z.literal("true"), z.boolean()])
    .optional()
    .transform((value) => value === true || value === "on" || value === "true"),
});
