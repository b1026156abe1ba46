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
 * A write to the browser tests' database, only to let time pass (a record's time set into the
 * past) where the test cannot wait for real: never to put the portal in a state its UI would not
 * reach. Dates are stored as ISO text by the SQLite adapter.
 */
export function setTimeInPast(
  table: string,
  column: string,
  millisecondsAgo: number,
  where: string,
  ...params: unknown[]
) {
  const db = new Database(E2E.databaseFile, { fileMustExist: true });
  const past = new Date(Date.now() - millisecondsAgo).toISOString().replace("Z", "+00:00");
  try {
    db.prepare(`UPDATE "${table}" SET "${column}" = ? WHERE ${where}`).run(past, ...params);
  } finally {
    db.close();
  }
}
