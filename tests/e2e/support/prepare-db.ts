import { rmSync } from "node:fs";

import { seedDemo } from "../../../prisma/seed";
import { migrateDatabase } from "../../../scripts/db-migrate";
import { E2E } from "./e2e-env";

/** Runs before the browser tests' server starts: a fresh database with the demo data. */
async function main() {
  rmSync(E2E.tmp, { recursive: true, force: true });
  const url = `file:${E2E.databaseFile}`;
  migrateDatabase(url);
  // This script runs in its own process: the seed's production guard is about the app's server.
  Object.assign(process.env, { NODE_ENV: "test", TWILIO_SANDBOX_URL: E2E.sandboxUrl, APP_URL: E2E.baseUrl });
  await seedDemo(url);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
