import { z } from "zod";
import { emailField } from "./fields";

export const createCustomerSchema = z.object({
  organizationName: z.string().trim().min(1, "Enter the customer's company name.").max(255, "Use at most 255 characters."),
  email: emailField,
});
export type CreateCustomerInput = z.input<typeof createCustomerSchema>;

export const inviteCustomerUserSchema = z.object({ organizationId: z.string().min(1), email: emailField });
export type InviteCustomerUserInput = z.input<typeof inviteCustomerUserSchema>;

export const inviteStaffSchema = z.object({
  email: emailField,
  role: z.enum(["STAFF", "ADMIN"], { error: "Choose Staff or Administrator." }),
});
export type InviteStaffInput = z.input<typeof inviteStaffSchema>;

export const isvSettingsSchema = z.object({
  portalName: z.string().trim().min(1, "Enter the name shown in the portal's header.").max(80, "Use at most 80 characters."),
  supportEmail: z
    .string()
    .trim()
    .max(320)
    .transform((value) => (value === "" ? null : value.toLowerCase()))
    .pipe(z.email("Enter an email address like support@company.com.").nullable()),
});
export type IsvSettingsInput = z.input<typeof isvSettingsSchema>;
