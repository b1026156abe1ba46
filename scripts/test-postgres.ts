import { spawnSync } from "node:child_process";

/**
 * `npm run test:postgres`: the unit, integration, contract and sandbox suites against the
 * PostgreSQL server named by DATABASE_URL (postgresql://user:password@host/db; the role must be
 * allowed to create databases). Each test file gets a database of its own, copied from a migrated
 * template (tests/support/postgres-databases.ts), so nothing is written to DATABASE_URL's own.
 */
const url = process.env.DATABASE_URL ?? "";
if (!/^postgres(ql)?:\/\//.test(url)) {
  console.error("npm run test:postgres needs DATABASE_URL=postgresql://user:password@host:5432/database");
  process.exit(2);
}
const { DATABASE_URL: _ignored, ...env } = process.env;
void _ignored;
const run = spawnSync("npx", ["vitest", "run", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...env, TEST_POSTGRES_URL: url },
});
process.exit(run.status ?? 1);
