import "server-only";

import { db } from "../db";

export const IMPORT_ROW_STATES = ["PENDING", "CREATED", "INVITED", "SKIPPED", "FAILED"] as const;
export type ImportRowState = (typeof IMPORT_ROW_STATES)[number];

export type ImportStatus = {
  id: string;
  fileName: string;
  state: "CHECKED" | "RUNNING" | "DONE";
  rowCount: number;
  /** Rows by state: how far the run is (PENDING and CREATED rows still wait). */
  rows: Record<ImportRowState, number>;
  /** Rows that did not become an invited customer, and why (no personal data: the line and external id). */
  failures: { line: number; externalId: string; message: string }[];
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

const FAILURES_SHOWN = 100;

/** One import's progress, as the staff page and the API show it. */
export async function importStatus(id: string): Promise<ImportStatus | null> {
  const found = await db.customerImport.findUnique({ where: { id } });
  if (!found) return null;
  const [grouped, failures] = await Promise.all([
    db.customerImportRow.groupBy({ by: ["state"], where: { importId: id }, _count: { _all: true } }),
    db.customerImportRow.findMany({
      where: { importId: id, OR: [{ state: "FAILED" }, { message: { not: null } }] },
      orderBy: { line: "asc" },
      select: { line: true, externalId: true, message: true },
      take: FAILURES_SHOWN,
    }),
  ]);
  const rows = Object.fromEntries(IMPORT_ROW_STATES.map((state) => [state, 0])) as Record<ImportRowState, number>;
  for (const group of grouped) if (group.state in rows) rows[group.state as ImportRowState] = group._count._all;
  return {
    id: found.id,
    fileName: found.fileName,
    state: found.state as ImportStatus["state"],
    rowCount: found.rowCount,
    rows,
    failures: failures.map((row) => ({ line: row.line, externalId: row.externalId, message: row.message ?? "" })),
    createdAt: found.createdAt.toISOString(),
    startedAt: found.startedAt?.toISOString() ?? null,
    finishedAt: found.finishedAt?.toISOString() ?? null,
  };
}

/** The newest imports first, each with its progress. */
export async function recentImports(take = 20): Promise<ImportStatus[]> {
  const ids = await db.customerImport.findMany({ orderBy: { createdAt: "desc" }, select: { id: true }, take });
  const statuses = await Promise.all(ids.map(({ id }) => importStatus(id)));
  return statuses.filter((status): status is ImportStatus => status !== null);
}
