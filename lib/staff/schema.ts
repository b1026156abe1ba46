import { z } from "zod";

import { emailField } from "../forms/fields";
import { WEBHOOK_EVENT_TYPE_NAMES, type WebhookEventType } from "../webhooks/event-types";

export const createCustomerSchema = z.object({
  organizationName: z
    .string()
    .trim()
    .min(1, "Enter the customer's company name.")
    .max(255, "Use at most 255 characters."),
  email: emailField,
});

export const inviteCustomerUserSchema = z.object({ organizationId: z.string().min(1), email: emailField });

export const inviteStaffSchema = z.object({
  email: emailField,
  role: z.enum(["STAFF", "ADMIN"], { error: "Choose Staff or Administrator." }),
});

export const changeRoleSchema = z.object({
  userId: z.string().min(1),
  role: z.enum(["STAFF", "ADMIN"], { error: "Choose Staff or Administrator." }),
});

export const removeUserSchema = z.object({ userId: z.string().min(1) });

export const isvSettingsSchema = z.object({
  portalName: z
    .string()
    .trim()
    .min(1, "Enter the name shown in the portal's header.")
    .max(80, "Use at most 80 characters."),
  supportEmail: z
    .string()
    .trim()
    .max(320)
    .transform((value) => (value === "" ? null : value.toLowerCase()))
    .pipe(z.email("Enter an email address like support@company.com.").nullable()),
  // Customers add and remove numbers in their own Messaging Service's sender pool (staff always may).
  customersManageSenders: z.boolean().optional().default(false),
  // Customers buy numbers into their own account themselves (staff always may; the ISV pays monthly).
  customersBuyNumbers: z.boolean().optional().default(false),
  // Brands registered with Twilio's Mock flag: for staff testing a live account without TCR.
  mockBrands: z.boolean().optional().default(false),
});

export const twilioSettingsSchema = z.object({
  notificationEmail: z
    .string()
    .trim()
    .min(1, "Enter the email address for Trust Hub status updates.")
    .pipe(z.email("Enter an email address like compliance@your-company.com.")),
  primaryCustomerProfileSid: z
    .string()
    .trim()
    .regex(/^BU[0-9a-fA-F]{32}$/, "A Customer Profile SID is BU followed by 32 hexadecimal characters."),
  publicBaseUrl: z
    .string()
    .trim()
    .transform((value) => value.replace(/\/+$/, ""))
    .pipe(
      z.url({
        protocol: /^https?$/,
        error: "Enter the portal's public address, like https://portal.your-company.com.",
      }),
    ),
});
export type TwilioSettingsInput = z.input<typeof twilioSettingsSchema>;

export const customerAccountSchema = z.discriminatedUnion("mode", [
  z.object({ organizationId: z.string().min(1), mode: z.literal("create") }),
  z.object({
    organizationId: z.string().min(1),
    mode: z.literal("existing"),
    accountSid: z
      .string()
      .trim()
      .regex(/^AC[0-9a-fA-F]{32}$/, "An Account SID is AC followed by 32 hexadecimal characters."),
  }),
  z.object({ organizationId: z.string().min(1), mode: z.literal("isv") }),
]);

export const createApiKeySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name the key after what uses it, such as “Billing system”.")
    .max(80, "Use at most 80 characters."),
  scope: z.enum(["read", "read_write"], { error: "Choose what the key may do." }),
});

export const revokeApiKeySchema = z.object({ id: z.string().min(1) });

/** An endpoint's address: HTTPS, or plain HTTP to this machine only (a receiver under test). */
const webhookUrlField = z
  .string()
  .trim()
  .min(1, "Enter the address that receives the events.")
  .max(2000, "Use at most 2000 characters.")
  .pipe(z.url("Enter an address like https://your-product.example/webhooks/portal."))
  .refine((value) => {
    const url = new URL(value);
    return (
      url.protocol === "https:" ||
      (url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname))
    );
  }, "Use an https:// address (plain http only to localhost).");

export const createWebhookEndpointSchema = z.object({
  url: webhookUrlField,
  description: z.string().trim().max(200, "Use at most 200 characters.").optional().default(""),
  eventTypes: z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z
      .array(z.enum(WEBHOOK_EVENT_TYPE_NAMES as [WebhookEventType, ...WebhookEventType[]]))
      .min(1, "Choose at least one event."),
  ),
});

export const webhookEndpointIdSchema = z.object({ id: z.string().min(1) });
