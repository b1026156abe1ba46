import { STAGES } from "./stages";
import type { DashboardRow } from "./views";

/**
 * The staff dashboard as CSV (#28 line 2): every column of its rows, the stage's words beside its id,
 * dates in ISO 8601 as the rows carry them. Pure.
 */
export const DASHBOARD_CSV_COLUMNS = [
  "applicationId",
  "organizationId",
  "name",
  "organizationName",
  "registrationNumber",
  "stage",
  "stageLabel",
  "stageSince",
  "needsAction",
  "stuck",
  "dueAt",
  "profileStatus",
  "trustProductStatus",
  "brandStatus",
  "identityStatus",
  "brandScore",
  "campaignStatus",
  "lastActivityAt",
  "remindersSent",
  "lastReminderAt",
] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. A text a
 * spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return: a
 * customer named "=HYPERLINK(…)") is given a leading apostrophe, as OWASP advises.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (values: unknown[]) => `${values.map(csvField).join(",")}\r\n`;

export const dashboardCsvHeader = () => csvLine([...DASHBOARD_CSV_COLUMNS]);

export function dashboardCsvLine(row: DashboardRow): string {
  const values: Record<(typeof DASHBOARD_CSV_COLUMNS)[number], unknown> = {
    ...row,
    stageLabel: STAGES[row.stage]?.label ?? row.stage,
  };
  return csvLine(DASHBOARD_CSV_COLUMNS.map((column) => values[column]));
}
