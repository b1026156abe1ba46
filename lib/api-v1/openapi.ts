import { z } from "zod";

import {
  adoptionRunListSchema,
  adoptionRunSchema,
  apiErrorSchema,
  applicationSummarySchema,
  createCustomerRequestSchema,
  createdCustomerSchema,
  customerDetailSchema,
  customerListSchema,
  customerSchema,
  draftPrefillSchema,
  importCheckSchema,
  importListSchema,
  importProblemSchema,
  importStatusSchema,
  nextStepSchema,
  prefillDraftRequestSchema,
  problemSchema,
  statusesSchema,
} from "./schemas";

type JsonObject = Record<string, unknown>;

/** The components of one direction: requests are described as they are sent, answers as they are written. */
function components(io: "input" | "output", named: Record<string, z.ZodType>): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    io,
    target: "draft-2020-12",
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonObject> };
  // Each is a schema object inside one document: no dialect or id of its own.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => {
      void _dialect;
      void _id;
      return [id, schema];
    }),
  );
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (id: string, description: string) => ({
  description,
  content: { "application/json": { schema: ref(id) } },
});

const ERRORS = {
  "400": json("Error", "The request is malformed; `fields` names each field that is wrong."),
  "401": json("Error", "No API key, or not a valid one (revoked keys are not valid)."),
  "403": json("Error", "The key's scope does not allow this."),
  "404": json("Error", "No such customer."),
  "429": json("Error", "Too many requests for this key: wait for `Retry-After` seconds."),
};
const readErrors = { "401": ERRORS["401"], "404": ERRORS["404"], "429": ERRORS["429"] };

/**
 * The ISV API's OpenAPI 3.1 document, generated from the zod schemas the handlers use (served at
 * /api/v1/openapi.json; the contract test validates every answer against it).
 */
export function openApiDocument(serverUrl: string): JsonObject {
  const customerPath = {
    name: "customerId",
    in: "path",
    required: true,
    schema: { type: "string" },
    description: "The portal's customer id (the `id` of a Customer).",
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Onboarding portal API",
      version: "1.0.0",
      description:
        "Bring customers from your product into the portal and follow their registration. Authenticate with an API key made by an administrator (Settings → API keys): `Authorization: Bearer ptk_…`. Read keys may only read; read-write keys may also create customers and prefill their drafts.",
    },
    servers: [{ url: serverUrl }],
    security: [{ apiKey: [] }],
    paths: {
      "/api/v1/customers": {
        get: {
          operationId: "listCustomers",
          summary: "Customers, those changed since a time first to last, a page at a time",
          parameters: [
            {
              name: "changedSince",
              in: "query",
              schema: { type: "string", format: "date-time" },
              description: "Only customers whose application or statuses changed at or after this time.",
            },
            { name: "cursor", in: "query", schema: { type: "string" }, description: "The previous page's nextCursor." },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
          ],
          responses: { "200": json("CustomerList", "One page of customers."), "400": ERRORS["400"], ...readErrors },
        },
        post: {
          operationId: "createCustomer",
          summary: "Create a customer, invite its first user and optionally prefill its draft",
          description:
            "Idempotent by `externalId`: a customer already created with it is answered (200, `created: false`) and nothing is sent again.",
          requestBody: { required: true, content: { "application/json": { schema: ref("CreateCustomerRequest") } } },
          responses: {
            "201": json("CreatedCustomer", "The customer was created and its first user invited."),
            "200": json("CreatedCustomer", "A customer with this externalId already existed."),
            "400": ERRORS["400"],
            "401": ERRORS["401"],
            "403": ERRORS["403"],
            "429": ERRORS["429"],
          },
        },
      },
      "/api/v1/customers/{customerId}": {
        get: {
          operationId: "getCustomer",
          summary: "A customer's stage, statuses, what Twilio found and what happens next",
          parameters: [customerPath],
          responses: { "200": json("CustomerDetail", "The customer."), ...readErrors },
        },
      },
      "/api/v1/customers/{customerId}/draft": {
        patch: {
          operationId: "prefillDraft",
          summary: "Prefill the customer's draft before they send it",
          description:
            "The fields given replace the draft's; the rest stay as the customer typed them. Refused (409) once the customer has sent the application.",
          parameters: [customerPath],
          requestBody: { required: true, content: { "application/json": { schema: ref("PrefillDraftRequest") } } },
          responses: {
            "200": json("CustomerDetail", "The customer, with its draft prefilled."),
            "400": ERRORS["400"],
            "401": ERRORS["401"],
            "403": ERRORS["403"],
            "404": ERRORS["404"],
            "409": json("Error", "The application is no longer a draft."),
            "429": ERRORS["429"],
          },
        },
      },
      "/api/v1/imports": {
        get: {
          operationId: "listImports",
          summary: "The latest customer imports, newest first, with their progress",
          responses: { "200": json("ImportList", "The imports."), "401": ERRORS["401"], "429": ERRORS["429"] },
        },
        post: {
          operationId: "importCustomers",
          summary: "Import customers from a CSV file (the columns of the staff page's import)",
          description:
            "Every row is checked first; a file with any problem imports nothing (422, every problem by line and column). With `dryRun=true` only the check is made. Otherwise the import starts and runs in the background (202): follow it at /api/v1/imports/{importId}. Idempotent by `external_id`: a row whose external id is already a customer is left as it is.",
          parameters: [
            { name: "dryRun", in: "query", schema: { type: "string", enum: ["true", "false"], default: "false" } },
            {
              name: "fileName",
              in: "query",
              schema: { type: "string", maxLength: 200 },
              description: "Shown to staff.",
            },
          ],
          requestBody: { required: true, content: { "text/csv": { schema: { type: "string" } } } },
          responses: {
            "200": json("ImportCheck", "The dry run's answer: the problems, or what the import would do."),
            "202": json("ImportCheck", "The import started."),
            "400": ERRORS["400"],
            "401": ERRORS["401"],
            "403": ERRORS["403"],
            "413": json("Error", "The file is too large: split it."),
            "422": json("ImportCheck", "The file has problems: nothing was imported."),
            "429": ERRORS["429"],
          },
        },
      },
      "/api/v1/imports/{importId}": {
        get: {
          operationId: "getImport",
          summary: "An import's progress: rows by state and the rows that failed",
          parameters: [{ name: "importId", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": json("ImportStatus", "The import."), ...readErrors },
        },
      },
      "/api/v1/adoption-runs": {
        get: {
          operationId: "listAdoptionRuns",
          summary: "The latest adoption scans of what Twilio already holds, with their progress",
          responses: { "200": json("AdoptionRunList", "The scans."), "401": ERRORS["401"], "429": ERRORS["429"] },
        },
      },
      "/api/v1/adoption-runs/{runId}": {
        get: {
          operationId: "getAdoptionRun",
          summary: "An adoption scan's progress: accounts read, customers found",
          parameters: [{ name: "runId", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": json("AdoptionRun", "The scan."), ...readErrors },
        },
      },
    },
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An API key: ptk_…" } },
      schemas: {
        ...components("input", {
          CreateCustomerRequest: createCustomerRequestSchema,
          PrefillDraftRequest: prefillDraftRequestSchema,
          DraftPrefill: draftPrefillSchema,
        }),
        ...components("output", {
          Customer: customerSchema,
          CustomerDetail: customerDetailSchema,
          CustomerList: customerListSchema,
          CreatedCustomer: createdCustomerSchema,
          ApplicationSummary: applicationSummarySchema,
          Statuses: statusesSchema,
          NextStep: nextStepSchema,
          Problem: problemSchema,
          ImportCheck: importCheckSchema,
          ImportProblem: importProblemSchema,
          ImportStatus: importStatusSchema,
          ImportList: importListSchema,
          AdoptionRun: adoptionRunSchema,
          AdoptionRunList: adoptionRunListSchema,
          Error: apiErrorSchema,
        }),
      },
    },
  };
}
