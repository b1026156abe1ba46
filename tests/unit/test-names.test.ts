import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * #24 line 9: a newcomer finds a module's unit test by its path. tests/unit/<path>.test.ts tests
 * the module at <path> under lib/ (server code under tests/unit/server/ for lib/server/), or under
 * sandbox/ or scripts/ for those; a folder's name stands for the modules in it (lib/onboarding/schema/).
 * Suites that test a scenario across modules keep their scenario names and are listed here.
 */
const SCENARIOS = new Set(["eslint-boundaries", "twilio-payload-variants", "test-names"]);

function unitTests(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return unitTests(file);
    return name.endsWith(".test.ts") ? [file] : [];
  });
}

function moduleExists(relative: string): boolean {
  const [top, ...rest] = relative.split("/");
  const candidates =
    top === "sandbox" || top === "scripts"
      ? [path.join(top, ...rest)]
      : top === "server"
        ? [path.join("lib", "server", ...rest)]
        : [path.join("lib", relative)];
  return candidates.some((base) =>
    ["", ".ts", ".tsx", ".mjs"].some((ext) => existsSync(base + ext) && (ext !== "" || statSync(base).isDirectory())),
  );
}

describe("unit tests are named after the module they test", () => {
  it("every tests/unit file names an existing module, or is a listed scenario", () => {
    const misnamed = unitTests("tests/unit")
      .map((file) => path.relative("tests/unit", file).replace(/\.test\.ts$/, ""))
      .filter((name) => !SCENARIOS.has(name) && !moduleExists(name));
    expect(misnamed).toEqual([]);
  });
});
