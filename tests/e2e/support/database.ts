import Database from "better-sqlite3";
import { E2E } from "./e2e-env";

/** Read-only look at the browser tests' database, to check what the UI did. */
export function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(E2E.databaseFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
