import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * #24 line 6: the layers are kept by the linter that `npm test` runs (eslint.config.mjs), so a
 * cycle, a client component reaching into lib/server, an SDK import outside the gateway or a reach
 * between lib/ and sandbox/ fails the build. Each case writes a small offending module where such
 * code would live, lints it with the project's own configuration, and expects the rule to fire.
 */
const root = path.resolve(__dirname, "../..");
const eslint = new ESLint({ cwd: root });

function write(relative: string, text: string): string {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

async function rulesFired(file: string): Promise<string[]> {
  const [result] = await eslint.lintFiles([file]);
  return result!.messages.map((message) => message.ruleId ?? message.message);
}

// Scratch modules live beside real code (the rules are chosen by path); a crashed run's are removed first.
const removeScratch = () => {
  for (const folder of ["lib", "components", "sandbox"])
    rmSync(path.join(root, folder, "__boundary_check__"), { recursive: true, force: true });
};
beforeAll(removeScratch);
afterAll(removeScratch);

describe("the layers the linter keeps", () => {
  it("refuses an import cycle", async () => {
    write("lib/__boundary_check__/a.ts", 'import { b } from "./b";\nexport const a = () => b();\n');
    const b = write("lib/__boundary_check__/b.ts", 'import { a } from "./a";\nexport const b = (): unknown => a;\n');
    expect(await rulesFired(b)).toContain("import/no-cycle");
  }, 60_000);

  it("refuses a client component's import of lib/server other than a server action, and any type from there", async () => {
    const client = write(
      "components/__boundary_check__/client.tsx",
      '"use client";\nimport { db } from "@/lib/server/db";\nimport type { SyncDeps } from "@/lib/server/twilio-inbound/sync-statuses";\nexport const C = (): unknown => [db, {} as SyncDeps];\n',
    );
    expect((await rulesFired(client)).filter((rule) => rule === "portal/client-boundary")).toHaveLength(2);
    const action = write(
      "components/__boundary_check__/action-user.tsx",
      '"use client";\nimport { saveDraftAction } from "@/lib/server/actions/onboarding-actions";\nexport const C = (): unknown => saveDraftAction;\n',
    );
    expect(await rulesFired(action)).not.toContain("portal/client-boundary");
  }, 60_000);

  it("lets only the gateway import the Twilio SDK", async () => {
    const outside = write("lib/__boundary_check__/sdk.ts", 'import twilio from "twilio";\nexport const t = twilio;\n');
    expect(await rulesFired(outside)).toContain("no-restricted-imports");
    const gateway = path.join(root, "lib/server/twilio/brands.ts");
    expect(await rulesFired(gateway)).not.toContain("no-restricted-imports");
  }, 60_000);

  it("keeps lib/ and sandbox/ apart", async () => {
    const fromLib = write(
      "lib/__boundary_check__/sandbox-user.ts",
      'import { DEFAULT_ACCOUNT_SID } from "@/sandbox/defaults";\nexport const s = DEFAULT_ACCOUNT_SID;\n',
    );
    expect(await rulesFired(fromLib)).toContain("no-restricted-imports");
    const fromSandbox = write(
      "sandbox/__boundary_check__/lib-user.ts",
      'import { db } from "@/lib/server/db";\nexport const d = db;\n',
    );
    expect(await rulesFired(fromSandbox)).toContain("no-restricted-imports");
  }, 60_000);

  it("refuses a forgotten promise in shipped code", async () => {
    const floating = write(
      "lib/__boundary_check__/floating.ts",
      "async function work(): Promise<void> {}\nexport function run(): void {\n  work();\n}\n",
    );
    expect(await rulesFired(floating)).toContain("@typescript-eslint/no-floating-promises");
  }, 60_000);
});
