/**
 * The words of the dashboard search, for the stored search text and for what staff type alike:
 * lower case, split on spaces, and without LIKE's wildcards (% and _) and escape character. Prisma's
 * `contains` does not escape them, and SQLite and PostgreSQL escape differently, so they are kept
 * out of both sides: "100%" finds what "100" finds, on either database.
 */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[%_\\]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
}
