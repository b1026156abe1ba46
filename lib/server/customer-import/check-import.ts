import "server-only";

import { MAX_IMPORT_BYTES, parseCustomerCsv, type ImportProblem } from "@/lib/customer-import/parse-customer-csv";

import { audit } from "../audit/audit";
import { db } from "../db";
import type { CustomerCreator } from "../organizations/create-customer-organization";
import { storeImportRows } from "./import-rows";

export type ImportCheck = {
  /** The checked import, ready to start; null while the file has problems (nothing is kept then). */
  importId: string | null;
  fileName: string;
  rowCount: number;
  /** Rows that will make a new customer. */
  newCustomers: number;
  /** Rows whose external id is already a customer: the import leaves them as they are. */
  existingCustomers: number;
  problems: ImportProblem[];
};

/** Read this many addresses or ids per query: 10,000 rows in a handful of queries. */
const CHUNK = 500;

/**
 * The dry run of a customer import: every row's problems, by line and column, and what the run
 * would do. It imports nothing. A file without problems is kept, encrypted, as a checked import that
 * staff (or the API) then start; a file with problems is not kept at all.
 */
export async function checkCustomerImport(
  file: { name: string; text: string },
  by: CustomerCreator,
  // False for a dry run asked of the API, which starts nothing later: a clean file is not kept either.
  options: { keep?: boolean } = {},
): Promise<ImportCheck> {
  const fileName = file.name.slice(0, 200) || "customers.csv";
  if (Buffer.byteLength(file.text) > MAX_IMPORT_BYTES)
    return refused(fileName, [
      {
        line: 1,
        column: null,
        message: `Send a file of at most ${MAX_IMPORT_BYTES / 1024} kB: split a larger book of customers into several files.`,
      },
    ]);
  const parsed = parseCustomerCsv(file.text);
  const problems = [...parsed.problems, ...(await accountProblems(parsed.invited))].sort((a, b) => a.line - b.line);
  const existing = await existingExternalIds(parsed.customers.map((customer) => customer.externalId));
  const rowCount = parsed.customers.length + new Set(parsed.problems.filter((p) => p.line > 1).map((p) => p.line)).size;
  if (problems.length) {
    const result = refused(fileName, problems);
    return { ...result, rowCount, newCustomers: 0, existingCustomers: existing.size };
  }
  if (options.keep === false)
    return {
      importId: null,
      fileName,
      rowCount,
      newCustomers: rowCount - existing.size,
      existingCustomers: existing.size,
      problems,
    };
  const created = await db.customerImport.create({
    data: {
      fileName,
      rowCount,
      createdById: "staffUserId" in by ? by.staffUserId : null,
      apiKeyPrefix: "apiKeyPrefix" in by ? by.apiKeyPrefix : null,
    },
  });
  await storeImportRows(created.id, parsed.customers);
  await audit(db, {
    actorUserId: created.createdById,
    action: "customer_import.checked",
    targetType: "CustomerImport",
    targetId: created.id,
    metadata: {
      rows: rowCount,
      existing: existing.size,
      ...(created.apiKeyPrefix ? { apiKey: created.apiKeyPrefix } : {}),
    },
  });
  return {
    importId: created.id,
    fileName,
    rowCount,
    newCustomers: rowCount - existing.size,
    existingCustomers: existing.size,
    problems: [],
  };
}

function refused(fileName: string, problems: ImportProblem[]): ImportCheck {
  return { importId: null, fileName, rowCount: 0, newCustomers: 0, existingCustomers: 0, problems };
}

/** An invited address that already has an account cannot be invited again (the API says the same). */
async function accountProblems(invited: { line: number; email: string }[]): Promise<ImportProblem[]> {
  const lineOf = new Map(invited.map(({ email, line }) => [email, line]));
  const taken: ImportProblem[] = [];
  for (const emails of chunks([...lineOf.keys()])) {
    const users = await db.user.findMany({ where: { email: { in: emails } }, select: { email: true } });
    for (const { email } of users)
      taken.push({
        line: lineOf.get(email)!,
        column: "first_user_email",
        message: "Someone already has an account with this email address.",
      });
  }
  return taken;
}

async function existingExternalIds(ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const chunk of chunks(ids)) {
    const rows = await db.organization.findMany({ where: { externalId: { in: chunk } }, select: { externalId: true } });
    for (const row of rows) if (row.externalId) found.add(row.externalId);
  }
  return found;
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}
