import { copyFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll } from "vitest";
import { TEMPLATE_DB, TEST_TMP } from "./paths";

/**
 * Gives each test file its own real SQLite database (a copy of the migrated template) and a
 * complete, valid environment, before any application module reads them.
 */
const file = path.join(TEST_TMP, `${randomUUID()}.db`);
copyFileSync(TEMPLATE_DB, file);

Object.assign(process.env, {
  NODE_ENV: "test",
  DATABASE_URL: `file:${file}`,
  AUTH_SECRET: "vitest-secret-that-is-long-enough-0123456789abcdef",
  APP_URL: "http://portal.test",
  MAIL_OUTBOX_DIR: path.join(TEST_TMP, `outbox-${path.basename(file, ".db")}`),
  SIGN_IN_MAX_FAILURES_PER_ACCOUNT: "5",
  SIGN_IN_MAX_FAILURES_PER_IP: "20",
  SIGN_IN_WINDOW_MINUTES: "15",
});

afterAll(async () => {
  const holder = globalThis as unknown as { prisma?: { $disconnect(): Promise<void> } };
  await holder.prisma?.$disconnect();
  delete holder.prisma;
});
