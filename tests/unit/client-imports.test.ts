import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Every "use client" module of the app, and what it imports. */
function clientModules(dir: string): { file: string; source: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return clientModules(file);
    if (!/\.(ts|tsx)$/.test(name)) return [];
    const source = readFileSync(file, "utf8");
    return /^["']use client["'];?/m.test(source) ? [{ file, source }] : [];
  });
}

describe("client components", () => {
  it("import nothing from lib/server but server actions, and no types at all from there", () => {
    const modules = [...clientModules("components"), ...clientModules("app")];
    expect(modules.length).toBeGreaterThan(20);
    const offending: string[] = [];
    for (const { file, source } of modules) {
      for (const match of source.matchAll(/^import\s+(type\s+)?\{([^}]*)\}\s+from\s+"(@\/lib\/server[^"]*)";/gm)) {
        const [, typeOnly, names, from] = match;
        const isAction = from!.startsWith("@/lib/server/actions/");
        if (!isAction || typeOnly || /\btype\s/.test(names!)) offending.push(`${file}: ${match[0]}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
