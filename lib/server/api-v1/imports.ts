import "server-only";

import type { z } from "zod";

import type { createImportQuerySchema, importCheckSchema } from "@/lib/api-v1/schemas";
import { MAX_IMPORT_BYTES } from "@/lib/customer-import/parse-customer-csv";

import type { AuthenticatedKey } from "../api-keys/api-keys";
import { checkCustomerImport } from "../customer-import/check-import";
import { startCustomerImport } from "../customer-import/run-import";
import { readBoundedText } from "../http/bounded-body";
import { ApiError } from "./api-route";

/**
 * A customer import sent by the ISV's product: the same check as the staff page's (every problem by
 * line and column, nothing imported while there is one), then, unless it is a dry run, started at
 * once and run in the background.
 */
export async function importCustomersFromApi(
  request: Request,
  query: z.output<typeof createImportQuerySchema>,
  key: AuthenticatedKey,
): Promise<{ status: 200 | 202 | 422; body: z.output<typeof importCheckSchema> }> {
  if (!/^text\/csv\b/i.test(request.headers.get("content-type") ?? ""))
    throw new ApiError(400, "Send the file as CSV (Content-Type: text/csv).");
  const body = await readBoundedText(request, MAX_IMPORT_BYTES);
  if (!body.ok) throw new ApiError(413, `Send a file of at most ${MAX_IMPORT_BYTES / 1024} kB: split a larger one.`);
  const by = { apiKeyPrefix: key.prefix };
  const check = await checkCustomerImport({ name: query.fileName, text: body.text }, by, { keep: !query.dryRun });
  if (check.problems.length) return { status: 422, body: check };
  if (query.dryRun || !check.importId) return { status: 200, body: check };
  await startCustomerImport(check.importId, by);
  return { status: 202, body: check };
}
