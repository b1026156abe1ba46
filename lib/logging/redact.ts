/**
 * Personal data out of logs and the audit trail: email addresses, phone numbers, US tax ids and
 * other long numbers, and the values of fields whose names say they hold such data, are replaced
 * by placeholders. Ids (cuid, Twilio SIDs) stay: they are what an operator needs to follow a case.
 */
const PATTERNS: [RegExp, string][] = [
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, "[email]"],
  // E.164 or national phone numbers: +1 415 555 0100, (415) 555-0100, 415.555.0100
  [/(?<![\w$])(?:\+?\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?!\w)/g, "[phone]"],
  // EIN 12-3456789, SSN 123-45-6789, and any other run of 9+ digits (DUNS, CBN, …)
  [/(?<![\w$])\d{2}-\d{7}(?!\w)/g, "[tax id]"],
  [/(?<![\w$])\d{3}-\d{2}-\d{4}(?!\w)/g, "[tax id]"],
  [/(?<![A-Za-z0-9])\d{9,}(?![A-Za-z0-9])/g, "[number]"],
];
const PERSONAL_KEY = /email|phone|registrationnumber|taxid|ein|password|token|secret|authorization|cookie/i;

export function redactText(text: string): string {
  return PATTERNS.reduce((result, [pattern, placeholder]) => result.replace(pattern, placeholder), text);
}

/** A JSON-like value with personal data replaced; keys that name personal data lose their value. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactText(value);
  if (depth > 8 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      PERSONAL_KEY.test(key) && inner !== null && inner !== undefined && typeof inner !== "boolean"
        ? "[redacted]"
        : redactValue(inner, depth + 1),
    ]),
  );
}

/** An error for the server log: its message and stack, redacted (Prisma and Twilio errors quote values). */
export function describeErrorForLog(error: unknown): string {
  if (error instanceof Error) return redactText(error.stack ?? `${error.name}: ${error.message}`);
  try {
    return redactText(typeof error === "string" ? error : JSON.stringify(error));
  } catch {
    return "[unprintable error]";
  }
}
