import { CsvError, parse } from "csv-parse/sync";
import type { z } from "zod";

import { emailField } from "@/lib/forms/fields";
import { stepSchemaFor } from "@/lib/onboarding/schema/application";
import { checkRegistrationNumber } from "@/lib/onboarding/schema/registration-number";
import type { ApplicationDraft } from "@/lib/onboarding/steps";

import { columnName, DRAFT_COLUMNS, KNOWN_COLUMNS, REQUIRED_COLUMNS } from "./columns";

/** The most rows one file may hold: a larger book of customers is imported in several files. */
export const MAX_IMPORT_ROWS = 10_000;
/** The largest file read (a server action takes 1 MB): 1,000 rows of every column are about 200 kB. */
export const MAX_IMPORT_BYTES = 900 * 1024;

/** What is wrong, where: the CSV line (the header is line 1) and the column's header, if one. */
export type ImportProblem = { line: number; column: string | null; message: string };

export type ImportedCustomer = {
  line: number;
  organizationName: string;
  externalId: string;
  email: string;
  userName: string;
  draft: ApplicationDraft;
};

type CsvRecord = { record: string[]; info: { lines: number }; raw: string };

export type ParsedImport = {
  customers: ImportedCustomer[];
  problems: ImportProblem[];
  /** Every well-formed invited address with its line, a bad row's too: the caller checks each against accounts. */
  invited: { line: number; email: string }[];
};

/**
 * Reads a customer import file and reports every problem of every row at once, by line and column,
 * so that one fixed file is enough. Pure: what the database already holds (external ids, accounts)
 * is checked by the caller. A row with a problem is not in `customers`; the caller imports nothing
 * while `problems` has any.
 */
export function parseCustomerCsv(text: string): ParsedImport {
  let records: CsvRecord[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    }) as unknown as CsvRecord[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 1;
      return {
        customers: [],
        invited: [],
        problems: [{ line, column: null, message: `This is not a readable CSV file: ${error.message}` }],
      };
    }
    throw error;
  }
  const [header, ...rows] = records;
  if (!header)
    return { customers: [], invited: [], problems: [{ line: 1, column: null, message: "The file is empty." }] };

  const problems: ImportProblem[] = [];
  const names = header.record.map(columnName);
  names.forEach((name, index) => {
    if (!KNOWN_COLUMNS.has(name))
      problems.push({
        line: 1,
        column: header.record[index] ?? name,
        message: "This column is not one the import knows.",
      });
    else if (names.indexOf(name) !== index)
      problems.push({ line: 1, column: header.record[index] ?? name, message: "This column is given twice." });
  });
  for (const { column } of REQUIRED_COLUMNS)
    if (!names.includes(column)) problems.push({ line: 1, column, message: "Add this column: it is required." });
  if (rows.length > MAX_IMPORT_ROWS)
    problems.push({
      line: rows[MAX_IMPORT_ROWS]!.info.lines,
      column: null,
      message: `Import at most ${MAX_IMPORT_ROWS.toLocaleString("en-US")} customers per file.`,
    });
  if (problems.length) return { customers: [], invited: [], problems };
  if (!rows.length)
    return { customers: [], invited: [], problems: [{ line: 2, column: null, message: "The file has no customers." }] };

  const customers: ImportedCustomer[] = [];
  const invited: ParsedImport["invited"] = [];
  const firstLineOf = { externalId: new Map<string, number>(), email: new Map<string, number>() };
  for (const { record, info, raw } of rows) {
    // The line the record starts on: a quoted cell may span several lines.
    const line = info.lines - (raw.replace(/\r?\n$/, "").match(/\n/g)?.length ?? 0);
    const cell = (column: string) => (record[names.indexOf(column)] ?? "").trim();
    const rowProblems: ImportProblem[] = [];
    const problem = (column: string, message: string) => rowProblems.push({ line, column, message });
    if (record.length > names.length)
      problem(header.record.at(-1) ?? "", `This line has ${record.length} cells; the header has ${names.length}.`);

    const organizationName = cell("organization_name");
    if (!organizationName) problem("organization_name", "Give the customer's company name.");
    else if (organizationName.length > 255) problem("organization_name", "Use at most 255 characters.");
    const externalId = cell("external_id");
    if (!externalId) problem("external_id", "Give your product's id for this customer.");
    else if (externalId.length > 200) problem("external_id", "Use at most 200 characters.");
    else if (firstLineOf.externalId.has(externalId))
      problem("external_id", `Line ${firstLineOf.externalId.get(externalId)} has this external id too.`);
    else firstLineOf.externalId.set(externalId, line);
    const email = emailField.safeParse(cell("first_user_email"));
    if (!email.success) problem("first_user_email", email.error.issues[0]!.message);
    else if (firstLineOf.email.has(email.data))
      problem("first_user_email", `Line ${firstLineOf.email.get(email.data)} invites this address too.`);
    else {
      firstLineOf.email.set(email.data, line);
      invited.push({ line, email: email.data });
    }
    const userName = cell("first_user_name");
    if (!userName) problem("first_user_name", "Give the first user's name.");
    else if (userName.length > 200) problem("first_user_name", "Use at most 200 characters.");

    const draft = draftOf(cell);
    for (const found of draftProblems(draft, cell)) problem(found.column, found.message);

    if (rowProblems.length) problems.push(...rowProblems);
    else customers.push({ line, organizationName, externalId, email: email.data!, userName, draft });
  }
  return { customers, problems, invited };
}

/** The draft a row prefills: the draft columns it fills in, by step. */
function draftOf(cell: (column: string) => string): ApplicationDraft {
  const draft: Record<string, Record<string, string>> = {};
  for (const { column, step, field } of DRAFT_COLUMNS) {
    const value = cell(column);
    if (value) (draft[step] ??= {})[field] = value;
  }
  return draft;
}

/**
 * The wizard's own rules for the fields a row fills in (a field left empty is the customer's to fill
 * in later, not a problem), with the accepted values listed when a value is not one of them.
 */
function draftProblems(
  draft: ApplicationDraft,
  cell: (column: string) => string,
): { column: string; message: string }[] {
  const found: { column: string; message: string }[] = [];
  for (const step of ["business", "address", "company"] as const) {
    const given = draft[step];
    if (!given) continue;
    const parsed = stepSchemaFor(step, draft).safeParse(given);
    if (parsed.success) continue;
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      const column = DRAFT_COLUMNS.find((c) => c.step === step && c.field === field && cell(c.column));
      if (column && !found.some((f) => f.column === column.column))
        found.push({ column: column.column, message: withAcceptedValues(issue) });
    }
  }
  const type = draft.business?.registrationIdType;
  const number = draft.business?.registrationNumber;
  if (
    typeof type === "string" &&
    typeof number === "string" &&
    !found.some((f) => f.column === "registration_number")
  ) {
    const checked = checkRegistrationNumber(type, number);
    if (!checked.ok) found.push({ column: "registration_number", message: checked.message });
  }
  return found;
}

function withAcceptedValues(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_value" && issue.values.length <= 30)
    return `${issue.message} Accepted values: ${issue.values.join(", ")}.`;
  return issue.message;
}
