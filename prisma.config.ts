// Prisma 6.19 with its JavaScript/Wasm engines and a driver adapter: nothing native is downloaded.
// The CLI still looks for native engine binaries unless these name an existing file; with
// engine "js" they are never executed, so pointing them at this file is enough.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= __filename;
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= __filename;
process.env.DATABASE_URL ??= "file:./data/portal.db";

import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! }),
});
