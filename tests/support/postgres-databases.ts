import { Client } from "pg";

/**
 * `npm run test:postgres`: the suites run against the PostgreSQL server named by
 * TEST_POSTGRES_URL (a database there that the role may create databases beside). The global
 * setup migrates a template database once; each test file gets its own copy of it (CREATE
 * DATABASE … TEMPLATE, quick), as the SQLite runs copy a template file.
 */
export const postgresBase = () => process.env.TEST_POSTGRES_URL;

export function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The template beside the given database (named after it, so two roles on one server do not meet). */
export function templateName(base: string): string {
  return `${new URL(base).pathname.slice(1) || "portal"}_test_template`;
}

async function admin<T>(base: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: base });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * DROP … WITH (FORCE) ends the database's connections, but refuses (42501, "must be a member of the
 * role whose process is being terminated") when one belongs to another role: an autovacuum worker
 * that happened to be working in it (CI saw this once, after every test of the file had passed).
 * Such a worker is done in moments: try again a few times.
 */
async function dropForcefully(client: Client, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "42501" || attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

export async function recreateDatabase(base: string, name: string, template?: string): Promise<string> {
  await admin(base, async (client) => {
    await dropForcefully(client, name);
    await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
  });
  return databaseUrl(base, name);
}

export async function dropDatabase(base: string, name: string): Promise<void> {
  await admin(base, (client) => dropForcefully(client, name));
}
