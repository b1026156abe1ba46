/**
 * The key the staff dashboard sorts names by, the same on SQLite and PostgreSQL (#14): lower case,
 * accents dropped ("Álvaro" with the a's), spaces collapsed, then compared byte by byte (SQLite's
 * BINARY, PostgreSQL's "C" collation on the column). A database's own locale collation would sort
 * punctuation and case differently from one server to the next; this key does not depend on it.
 */
export function nameSortKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{Mn}/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** The order nameSortKey gives, as the databases compare it (code units; the keys are mostly ASCII). */
export function compareSortKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
