import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

import { loadLocalEnv } from "./load-env";

/**
 * Applies the committed migrations (prisma/migrations) to DATABASE_URL. For SQLite it creates the
 * folder and switches the file to WAL, so the portal and background work can read while one writes.
 */
export function migrateDatabase(databaseUrl = process.env.DATABASE_URL, { quiet = false } = {}): void {
  if (!databaseUrl) throw new Error("DATABASE_URL is required");
  if (databaseUrl.startsWith("file:")) {
    const file = databaseUrl.slice("file:".length);
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const sqlite = new Database(file);
    sqlite.pragma("journal_mode = WAL");
    sqlite.close();
  }
  try {
    const output = execFileSync(process.execPath, [require.resolve("prisma/build/index.js"), "migrate", "deploy"], {
      stdio: ["ignore", "pipe", "pipe"],
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    });
    if (!quiet)
      console.info(
        `[db] ${output.includes("No pending migrations") ? "database is up to date" : "migrations applied"} (${databaseUrl})`,
      );
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    console.error(`[db] migrate deploy failed for ${databaseUrl}:\n${failed.stdout ?? ""}${failed.stderr ?? ""}`);
    throw error;
  }
}

if (require.main === module) {
  loadLocalEnv();
  migrateDatabase();
}
