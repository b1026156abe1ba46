import { spawnSync } from "node:child_process";
import { Client } from "pg";

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

/** Each test file gets a database of its own: say so plainly if the role may not create one. */
async function checkRole(): Promise<void> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ allowed: boolean; role: string }>(
      "SELECT (rolcreatedb OR rolsuper) AS allowed, rolname AS role FROM pg_roles WHERE rolname = current_user",
    );
    if (!rows[0]?.allowed) {
      console.error(
        `npm run test:postgres makes a database per test file beside ${new URL(url).pathname.slice(1)}: ` +
          `let the role create databases (ALTER ROLE ${rows[0]?.role ?? "…"} CREATEDB) and run it again.`,
      );
      process.exit(2);
    }
  } catch (error) {
    console.error(`npm run test:postgres cannot reach DATABASE_URL: ${(error as Error).message}`);
    process.exit(2);
  } finally {
    await client.end().catch(() => undefined);
  }
}

void checkRole().then(() => {
  const run = spawnSync("npx", ["vitest", "run", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...env, TEST_POSTGRES_URL: url },
  });
  process.exit(run.status ?? 1);
});
