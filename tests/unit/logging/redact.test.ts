import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { MAX_REDACTED_TEXT, redactText } from "@/lib/logging/redact";

/**
 * Logging cannot be made slow (#26): an anonymous caller chooses the length of what Auth.js quotes
 * in its errors. Each redaction is timed and the slowest printed; the assertions are on what a
 * quadratic pattern cannot do (the old email pattern took about 240 ms on 15,500 characters of one
 * run, and seconds on 100,000), with room for a loaded CI machine.
 */
const timed = (text: string) => {
  const started = performance.now();
  const result = redactText(text);
  return { result, ms: performance.now() - started };
};

describe("redaction of long, hostile text", () => {
  it("is bounded on the inputs that made the old patterns quadratic", () => {
    const hostile = {
      "unknown Auth.js action": `GET /api/auth/${"a".repeat(15_500)}`,
      "a million local-part characters": "x.".repeat(500_000),
      "digits and dashes": "1-".repeat(200_000),
      "dotted labels without a top-level domain": `a@${"b.".repeat(100_000)}`,
      "at signs": "a@".repeat(200_000),
    };
    const rows = Object.entries(hostile).map(([name, text]) => {
      const { result, ms } = timed(text);
      expect(result.length).toBeLessThan(MAX_REDACTED_TEXT + 100);
      return { input: name, characters: text.length, ms: Number(ms.toFixed(2)) };
    });
    console.table(rows);
    for (const row of rows) expect(row.ms).toBeLessThan(200);
  });

  it("keeps redacting what it keeps, and never leaves half an email at the cut", () => {
    const email = "jane.customer@example.com";
    expect(redactText(`before ${email} after`)).toBe("before [email] after");
    const cutThroughEmail = `${"x ".repeat((MAX_REDACTED_TEXT - 10) / 2)}${email}${"y".repeat(5000)}`;
    const kept = redactText(cutThroughEmail);
    expect(kept).not.toContain("jane");
    expect(kept).toMatch(/more characters cut\]$/);
  });

  it("any text with an email in its first part: the email is gone and the answer is short", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 2000 }),
        fc.emailAddress(),
        fc.string({ minLength: 0, maxLength: 50_000 }),
        (before, email, after) => {
          const { result } = timed(`${before} ${email} ${after}`);
          expect(result).not.toContain(email);
          expect(result.length).toBeLessThan(MAX_REDACTED_TEXT + 100);
        },
      ),
      { numRuns: 200 },
    );
  });
});
