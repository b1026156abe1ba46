import { Prisma } from "@prisma/client";
import { describe, expect, it } from "vitest";

import { db } from "@/lib/server/db";

/**
 * The migrations of this database's kind build what prisma/schema.prisma describes (this file runs
 * on SQLite and on PostgreSQL, each migrated from its own folder): every model's table has a column
 * for every field. A schema change whose PostgreSQL (or SQLite) migration was forgotten fails here.
 */
const postgres = /^postgres/.test(process.env.DATABASE_URL!);

async function columnsOf(table: string): Promise<string[]> {
  const rows = postgres
    ? await db.$queryRawUnsafe<{ name: string }[]>(
        `SELECT column_name::text AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
        table,
      )
    : await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM pragma_table_info(?)`, table);
  return rows.map((row) => row.name);
}

describe(`the ${postgres ? "PostgreSQL" : "SQLite"} migrations`, () => {
  it("build every table and column of the schema", async () => {
    const missing: string[] = [];
    for (const model of Prisma.dmmf.datamodel.models) {
      const table = model.dbName ?? model.name;
      const columns = await columnsOf(table);
      if (!columns.length) missing.push(`table ${table}`);
      for (const field of model.fields)
        if (field.kind === "scalar" || field.kind === "enum")
          if (!columns.includes(field.dbName ?? field.name)) missing.push(`${table}.${field.dbName ?? field.name}`);
    }
    expect(missing).toEqual([]);
    expect(Prisma.dmmf.datamodel.models.length).toBeGreaterThan(10);
  });
});
