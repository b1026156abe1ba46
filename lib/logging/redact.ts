/**
 * Personal data out of logs and the audit trail: email addresses, phone numbers, US tax ids and
 * other long numbers, and the values of fields whose names say they hold such data, are replaced
 * by placeholders. Ids (cuid, Twilio SIDs) stay: they are what an operator needs to follow a case.
 */
// Every pattern is linear in its input: a match can start only where a run of its characters
// starts (the look-behinds) and each part is bounded by the standard's own limits (RFC 5321: a
// 64-character local part, a 255-character domain). The unbounded email pattern this replaces cost
// about 240 ms on one 15,500-character URL (issue #26), on the one main thread.
const PATTERNS: [RegExp, string][] = [
  // The local part takes every character RFC 5322 allows unquoted.
  [
    /(?<![\w.!#$%&'*+/=?^`{|}~-])[\w.!#$%&'*+/=?^`{|}~-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.){1,16}[A-Za-z]{2,63}(?![A-Za-z])/g,
    "[email]",
  ],
  // E.164 or national phone numbers: +1 415 555 0100, (415) 555-0100, 415.555.0100
  [/(?<![\w$])(?:\+?\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?!\w)/g, "[phone]"],
  // EIN 12-3456789, SSN 123-45-6789, and any other run of 9+ digits (DUNS, CBN, …)
  [/(?<![\w$])\d{2}-\d{7}(?!\w)/g, "[tax id]"],
  [/(?<![\w$])\d{3}-\d{2}-\d{4}(?!\w)/g, "[tax id]"],
  [/(?<![A-Za-z0-9])\d{9,}(?![A-Za-z0-9])/g, "[number]"],
];
const PERSONAL_KEY = /email|phone|registrationnumber|taxid|ein|password|token|secret|authorization|cookie/i;

/**
 * How much of one text the logs keep. Auth.js quotes the whole URL of an unknown action, and an
 * anonymous caller chooses its length: what is past this is cut before any pattern runs.
 */
export const MAX_REDACTED_TEXT = 4_000;

export function redactText(text: string): string {
  const kept =
    text.length > MAX_REDACTED_TEXT
      ? `${withoutCutWord(text.slice(0, MAX_REDACTED_TEXT))}… [${text.length - MAX_REDACTED_TEXT} more characters cut]`
      : text;
  return PATTERNS.reduce((result, [pattern, placeholder]) => result.replace(pattern, placeholder), kept);
}

/** The cut text without its last, cut-through word: half an email address is no longer an email's shape. */
function withoutCutWord(text: string): string {
  let end = text.length;
  while (end > 0 && /[\w.!#$%&'*+/=?^`{|}~@-]/.test(text[end - 1]!)) end--;
  return text.slice(0, end);
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
