import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

import { TWILIO_ERROR_CODES } from "@/sandbox/core/error-codes";
import { TwilioError } from "@/sandbox/core/errors";

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

describe("the sandbox's Twilio error codes", () => {
  it("every code in the table has Twilio's meaning and a source", () => {
    for (const [code, entry] of Object.entries(TWILIO_ERROR_CODES)) {
      expect(Number(code), code).toBeGreaterThanOrEqual(20000);
      expect(entry.meaning.length, code).toBeGreaterThan(5);
      expect(entry.source, code).toMatch(/EJ|OAI|NOTE|twilio-docs/);
    }
  });

  it("every TwilioError the sandbox's sources raise uses a code from the table", () => {
    const raised: { file: string; code: number }[] = [];
    for (const file of sourceFiles("sandbox")) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/new TwilioError\(\s*([^,]+),\s*([^,]+),/g)) {
        const code = match[2]!.trim();
        // A code held in a variable is typed TwilioErrorCode (the compiler checks it); a literal is checked here.
        if (/^\d+$/.test(code)) raised.push({ file, code: Number(code) });
      }
    }
    expect(raised.length).toBeGreaterThan(15);
    const unknown = raised.filter(({ code }) => !Object.hasOwn(TWILIO_ERROR_CODES, code));
    expect(unknown).toEqual([]);
    // The codes the audit found wrong or invented are gone.
    for (const wrong of [22201, 22208, 22222, 20005, 21750, 21751, 21752, 21753, 21754, 21755, 21760, 21761, 21762])
      expect(raised.map(({ code }) => code)).not.toContain(wrong);
  });

  it("a code outside the table cannot be raised at run time either", () => {
    expect(() => new TwilioError(400, 21750 as never, "invented")).toThrow(/not in core\/error-codes.ts/);
    expect(new TwilioError(400, 21728, "too short").toJSON()).toEqual({
      code: 21728,
      message: "too short",
      more_info: "https://www.twilio.com/docs/errors/21728",
      status: 400,
    });
  });
});
