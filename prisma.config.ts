import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

// Prisma 6.19 with its JavaScript/Wasm engines and a driver adapter: nothing native is downloaded.
// The CLI still looks for native engine binaries unless these name an existing file; with
// engine "js" they are never executed, so pointing them at this file is enough.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= __filename;
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= __filename;
process.env.DATABASE_URL ??= "file:./data/portal.db";

/**
 * DATABASE_URL chooses the database: `file:` → SQLite (prisma/schema.prisma, the one schema
 * source), `postgresql://` → PostgreSQL (prisma/postgres/schema.prisma, derived from it by
 * `npm run db:schema:postgres`, with its own migrations). The CLI migrates PostgreSQL through
 * @prisma/adapter-pg 7.10 (installed as @prisma/adapter-pg-cli): 6.19's cannot read the migration
 * table there (toolchain.md); the portal itself runs on 6.19's.
 */
const postgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL);

export default defineConfig(
  postgres
    ? {
        schema: "prisma/postgres/schema.prisma",
        migrations: { path: "prisma/postgres/migrations" },
        experimental: { adapter: true },
        engine: "js",
        adapter: async () => {
          const { PrismaPg } = await import("@prisma/adapter-pg-cli");
          return new PrismaPg({ connectionString: process.env.DATABASE_URL! });
        },
      }
    : {
        schema: "prisma/schema.prisma",
        migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
        experimental: { adapter: true },
        engine: "js",
        adapter: async () => new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! }),
      },
);
