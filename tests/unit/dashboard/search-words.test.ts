import { describe, expect, it } from "vitest";

import { searchWords } from "@/lib/dashboard/search-words";

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
