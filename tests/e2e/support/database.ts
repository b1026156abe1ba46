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

/**
 * A write to the browser tests' database, only to let time pass (a record's clock moved back)
 * where the test cannot wait for real: never to put the portal in a state its UI would not reach.
 */
export function moveClockBack(table: string, column: string, where: string, milliseconds: number, ...params: unknown[]) {
  const db = new Database(E2E.databaseFile, { fileMustExist: true });
  try {
    db.prepare(`UPDATE "${table}" SET "${column}" = "${column}" - ? WHERE ${where}`).run(milliseconds, ...params);
  } finally {
    db.close();
  }
}
