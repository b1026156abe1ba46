import { describe, expect, it } from "vitest";

import { compareSortKeys, nameSortKey } from "@/lib/dashboard/name-sort-key";
import { searchWords } from "@/lib/dashboard/search-words";

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

describe("the dashboard's search words", () => {
  it("are lower case, without LIKE's wildcards or escape character", () => {
    expect(searchWords("  ACME 100%  john_doe@x.example a\\b ")).toEqual([
      "acme",
      "100",
      "john",
      "doe@x.example",
      "a",
      "b",
    ]);
    expect(searchWords("%_")).toEqual([]);
  });
});
