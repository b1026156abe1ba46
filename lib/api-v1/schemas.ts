import { z } from "zod";

import { STAGE_IDS } from "@/lib/dashboard/stages";
import { emailField } from "@/lib/forms/fields";
import { strictDraftSchema } from "@/lib/onboarding/schema/draft-shape";

/**
 * The ISV API's requests and answers (#28 line 3), one set of zod schemas: the route handlers parse
 * and shape with them, and the OpenAPI document (`openapi.ts`) is generated from them, so the
 * document cannot drift from what the API does. Names are camelCase, as in the portal's own JSON
 * and in the wizard's draft that a customer's prefill follows.
 */

const dateTime = z.iso.datetime().meta({ description: "ISO 8601, UTC." });

export const API_SCOPES = ["read", "read_write"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const apiErrorSchema = z.object({
  error: z.object({
    status: z.number().int(),
    message: z.string(),
    // Each field the request got wrong, by its path ("firstUser.email"), with what is wrong.
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

export const statusesSchema = z.object({
  customerProfile: z.string().nullable().meta({ description: "Twilio's status of the Secondary Customer Profile." }),
  trustProduct: z.string().nullable().meta({ description: "Twilio's status of the A2P Trust Product." }),
  brand: z.string().nullable().meta({ description: "The BrandRegistration's status." }),
  identity: z.string().nullable().meta({ description: "The brand's identity status." }),
  campaign: z.string().nullable().meta({ description: "The A2P campaign's status." }),
});

export const applicationSummarySchema = z.object({
  id: z.string(),
  status: z.enum(["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED"]),
  stage: z.enum(STAGE_IDS),
  stageLabel: z.string(),
  stageSince: dateTime,
  needsAction: z.boolean().meta({ description: "A failure or a request somebody must act on." }),
  statuses: statusesSchema,
});

export const customerSchema = z.object({
  id: z.string(),
  name: z.string(),
  externalId: z.string().nullable(),
  createdAt: dateTime,
  changedAt: dateTime.meta({ description: "The last change to the customer's application or its statuses." }),
  application: applicationSummarySchema.nullable(),
});

export const nextStepSchema = z.object({
  who: z.enum(["customer", "staff", "twilio", "none"]),
  title: z.string(),
  text: z.string(),
  wait: z.string().nullable(),
});

export const problemSchema = z.object({
  source: z.string(),
  code: z.number().int().nullable().meta({ description: "Twilio's error code, when it gave one." }),
  description: z.string(),
  fields: z.array(z.object({ field: z.string(), label: z.string() })),
});

export const customerDetailSchema = customerSchema.extend({
  next: nextStepSchema,
  problems: z.array(problemSchema).meta({ description: "What Twilio found, in words the customer can act on." }),
});

export const customerListSchema = z.object({
  data: z.array(customerSchema),
  nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last." }),
});

const externalIdField = z
  .string()
  .trim()
  .min(1, "Give the customer's id in your product, or leave it out.")
  .max(200, "Use at most 200 characters.");

/** The wizard's draft, as the customer would type it: any part of it, each value checked for its kind. */
export const draftPrefillSchema = strictDraftSchema.meta({
  description:
    "Any part of the wizard's draft (business, representatives, address, company), the customer's to review and complete.",
});

export const createCustomerRequestSchema = z.strictObject({
  name: z.string().trim().min(1, "Give the customer's company name.").max(255, "Use at most 255 characters."),
  externalId: externalIdField.optional(),
  firstUser: z.strictObject({ email: emailField }),
  draft: draftPrefillSchema.optional(),
});
export type CreateCustomerRequest = z.output<typeof createCustomerRequestSchema>;

export const createdCustomerSchema = z.object({
  customer: customerSchema,
  created: z.boolean().meta({ description: "False when a customer with this externalId already existed." }),
  invitation: z
    .object({
      email: z.string(),
      link: z
        .string()
        .meta({ description: "The single-use link for the first user (also emailed when mail is set up)." }),
      emailed: z.boolean(),
      expiresAt: dateTime,
    })
    .nullable()
    .meta({ description: "Null when the customer already existed: no second invitation is sent." }),
});

export const prefillDraftRequestSchema = z.strictObject({ draft: draftPrefillSchema });

export const listCustomersQuerySchema = z.object({
  changedSince: dateTime.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const importProblemSchema = z.object({
  line: z.number().int().meta({ description: "The CSV line (the header is line 1)." }),
  column: z.string().nullable().meta({ description: "The column's header, or null for the whole line or file." }),
  message: z.string(),
});

export const importCheckSchema = z.object({
  importId: z
    .string()
    .nullable()
    .meta({ description: "The import started; null on a dry run or when the file has problems." }),
  fileName: z.string(),
  rowCount: z.number().int(),
  newCustomers: z.number().int(),
  existingCustomers: z
    .number()
    .int()
    .meta({ description: "Rows whose externalId is already a customer: left as they are." }),
  problems: z
    .array(importProblemSchema)
    .meta({ description: "Every problem of every row; nothing is imported while there is one." }),
});

const importRowCount = z.number().int();
export const importStatusSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  state: z.enum(["CHECKED", "RUNNING", "DONE"]),
  rowCount: z.number().int(),
  rows: z
    .object({
      PENDING: importRowCount,
      CREATED: importRowCount,
      INVITED: importRowCount,
      SKIPPED: importRowCount,
      FAILED: importRowCount,
    })
    .meta({ description: "Rows by state: PENDING and CREATED still wait; INVITED, SKIPPED and FAILED are done." }),
  failures: z.array(z.object({ line: z.number().int(), externalId: z.string(), message: z.string() })),
  createdAt: dateTime,
  startedAt: dateTime.nullable(),
  finishedAt: dateTime.nullable(),
});

export const importListSchema = z.object({ data: z.array(importStatusSchema) });

export const createImportQuerySchema = z.object({
  dryRun: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
  fileName: z.string().trim().max(200).default("api.csv"),
});

export const adoptionRunSchema = z.object({
  id: z.string(),
  state: z.enum(["SCANNING", "PROPOSED", "ADOPTING", "ADOPTED"]).meta({
    description:
      "SCANNING while accounts are read; PROPOSED once all are; ADOPTING once staff confirmed which customers to bring in; ADOPTED when they are in.",
  }),
  accountsTotal: z.number().int(),
  accountsRead: z.number().int(),
  accountErrors: z.array(z.object({ accountSid: z.string(), error: z.string() })),
  customersFound: z.number().int(),
  customersAdopted: z.number().int(),
  createdAt: dateTime,
  scannedAt: dateTime.nullable(),
});

export const adoptionRunListSchema = z.object({ data: z.array(adoptionRunSchema) });
