import "server-only";

import { db } from "../db";

export type Readiness = { status: "ready" } | { status: "not-ready"; reason: string };

/** The database answers and its migrations are all applied (portable SQL: SQLite and PostgreSQL). */
export async function checkReadiness(): Promise<Readiness> {
  try {
    const rows = await db.$queryRaw<{ applied: bigint | number; unfinished: bigint | number }[]>`
      SELECT COUNT(*) AS applied,
             SUM(CASE WHEN "finished_at" IS NULL AND "rolled_back_at" IS NULL THEN 1 ELSE 0 END) AS unfinished
      FROM "_prisma_migrations"`;
    const applied = Number(rows[0]?.applied ?? 0);
    const unfinished = Number(rows[0]?.unfinished ?? 0);
    if (applied === 0) return { status: "not-ready", reason: "No migration is applied: run npm run db:migrate." };
    if (unfinished > 0)
      return { status: "not-ready", reason: "A migration did not finish: see `npx prisma migrate status`." };
    return { status: "ready" };
  } catch {
    return { status: "not-ready", reason: "The database is not reachable, or not migrated (run npm run db:migrate)." };
  }
}
