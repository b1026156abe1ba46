import { describe, expect, it } from "vitest";

import { compareSortKeys, nameSortKey } from "@/lib/dashboard/name-sort-key";

describe("the dashboard's name sort key", () => {
  it("ignores case, accents and repeated spaces", () => {
    expect(nameSortKey("  Álvaro   Pérez LLC ")).toBe("alvaro perez llc");
    expect(nameSortKey("ACME, Inc.")).toBe(nameSortKey("acme, inc."));
    expect(nameSortKey("Ｆｕｌｌ width")).toBe("full width");
  });

  it("orders names as a person reading the list expects, whatever their case", () => {
    const names = ["zeta Corp", "Beta", "álvaro", "Acme", "acme 2", "Alpha"];
    expect([...names].sort((a, b) => compareSortKeys(nameSortKey(a), nameSortKey(b)))).toEqual([
      "Acme",
      "acme 2",
      "Alpha",
      "álvaro",
      "Beta",
      "zeta Corp",
    ]);
  });
});
