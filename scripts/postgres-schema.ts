import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The PostgreSQL schema, derived from the one schema source (prisma/schema.prisma): the same
 * models, the provider swapped, and its client generated beside the SQLite one
 * (node_modules/.prisma/postgres-client). `npm run db:schema:postgres` writes it; a unit test keeps
 * the committed copy in step.
 */
export function postgresSchema(source: string): string {
  const swapped = source
    .replace(/provider = "sqlite"/, 'provider = "postgresql"')
    .replace(
      /(generator client \{[^}]*engineType = "client")/,
      '$1\n  output     = "../../node_modules/.prisma/postgres-client"',
    );
  return `// Generated from prisma/schema.prisma by \`npm run db:schema:postgres\`: edit that file, not this one.\n${swapped}`;
}

export const SOURCE = path.join(__dirname, "..", "prisma", "schema.prisma");
export const TARGET = path.join(__dirname, "..", "prisma", "postgres", "schema.prisma");

if (require.main === module) {
  writeFileSync(TARGET, postgresSchema(readFileSync(SOURCE, "utf8")));
  console.info(`[db] wrote ${path.relative(process.cwd(), TARGET)}`);
}
