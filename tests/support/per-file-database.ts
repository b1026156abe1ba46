import { randomUUID } from "node:crypto";
import { copyFileSync } from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";

import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN } from "@/sandbox/defaults";

import { TEMPLATE_DB, TEST_TMP } from "./paths";
import { dropDatabase, postgresBase, recreateDatabase, templateName } from "./postgres-databases";

/**
 * Gives each test file its own real SQLite database (a copy of the migrated template) and a
 * complete, valid environment, before any application module reads them.
 */
const id = randomUUID();
const file = path.join(TEST_TMP, `${id}.db`);
const postgres = postgresBase();
// PostgreSQL (npm run test:postgres): a database of its own, copied from the migrated template.
const postgresName = `portal_test_${id.replaceAll("-", "")}`;
const databaseUrl = postgres
  ? await recreateDatabase(postgres, postgresName, templateName(postgres))
  : (copyFileSync(TEMPLATE_DB, file), `file:${file}`);

Object.assign(process.env, {
  NODE_ENV: "test",
  DATABASE_URL: databaseUrl,
  AUTH_SECRET: "vitest-secret-that-is-long-enough-0123456789abcdef",
  APP_URL: "http://portal.test",
  MAIL_OUTBOX_DIR: path.join(TEST_TMP, `outbox-${path.basename(file, ".db")}`),
  SIGN_IN_MAX_FAILURES_PER_ACCOUNT: "5",
  SIGN_IN_MAX_FAILURES_PER_IP: "20",
  SIGN_IN_WINDOW_MINUTES: "15",
  // The portal's Twilio account is the sandbox's built-in ISV (as in .env.example); a file that
  // talks to a sandbox aims TWILIO_SANDBOX_URL at its own (aimPortalAtSandbox). Reset here, since
  // files share a process and must not inherit an earlier file's sandbox.
  TWILIO_ACCOUNT_SID: DEFAULT_ACCOUNT_SID,
  TWILIO_AUTH_TOKEN: DEFAULT_AUTH_TOKEN,
});
delete process.env.TWILIO_SANDBOX_URL;
delete process.env.TWILIO_MOCK_BRANDS;

afterAll(async () => {
  const holder = globalThis as unknown as { prisma?: { $disconnect(): Promise<void> } };
  await holder.prisma?.$disconnect();
  delete holder.prisma;
  if (postgres) await dropDatabase(postgres, postgresName);
});
