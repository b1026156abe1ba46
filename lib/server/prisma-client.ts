import { createRequire } from "node:module";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";

import { oneAtATime } from "./sqlite-one-at-a-time";

export type { PrismaClient };

/**
 * Prisma's defaults (2 s to get a connection, 5 s per transaction) turned a burst of approvals on a
 * busy machine into "something went wrong" (the pool's 10 connections all in use): a request now
 * waits longer rather than fail. No transaction of the portal waits on anything but its statements.
 */
const transactionOptions = { maxWait: 10_000, timeout: 15_000 };

/**
 * A Prisma client on a driver adapter (Prisma's JS engine: no native query engine to download),
 * chosen by DATABASE_URL: `file:` → the embedded SQLite file; `postgresql://` → PostgreSQL, through
 * the client generated from prisma/postgres/schema.prisma (the same models, so the same API and
 * types). Shared by the app, the scripts and the tests so they all open the database the same way.
 */
export function createPrismaClient(databaseUrl: string | undefined): PrismaClient {
  if (!databaseUrl) throw new Error("DATABASE_URL is required");
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return createPostgresClient(databaseUrl);
  if (!databaseUrl.startsWith("file:"))
    throw new Error("DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)");
  const adapter = oneAtATime(new PrismaBetterSQLite3({ url: databaseUrl }));
  return new PrismaClient({ adapter, transactionOptions });
}

function createPostgresClient(databaseUrl: string): PrismaClient {
  // Loaded at run time from node_modules, only when PostgreSQL is chosen (never bundled).
  const load = createRequire(`${process.cwd()}/`);
  const { PrismaPg } = load("@prisma/adapter-pg") as typeof import("@prisma/adapter-pg");
  const { PrismaClient: PostgresClient } = load(".prisma/postgres-client") as { PrismaClient: typeof PrismaClient };
  return new PostgresClient({ adapter: new PrismaPg({ connectionString: databaseUrl }), transactionOptions });
}
