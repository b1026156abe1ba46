import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";

export type { PrismaClient };

/**
 * A Prisma client on the embedded SQLite driver adapter (Prisma's JS engine: no native query
 * engine to download). Shared by the app, the seed and the tests so they all open the database
 * the same way.
 */
export function createPrismaClient(databaseUrl: string | undefined): PrismaClient {
  if (!databaseUrl) throw new Error("DATABASE_URL is required");
  if (!databaseUrl.startsWith("file:")) {
    throw new Error("DATABASE_URL: only SQLite (file:...) is wired up so far; PostgreSQL support is planned");
  }
  const adapter = new PrismaBetterSQLite3({ url: databaseUrl });
  return new PrismaClient({ adapter });
}
