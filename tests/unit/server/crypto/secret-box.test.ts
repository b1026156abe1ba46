import { describe, expect, it } from "vitest";

import { open, seal } from "@/lib/server/crypto/secret-box";

describe("secrets at rest", () => {
  it("round-trips, and refuses a tampered box or another key", () => {
    const sealed = seal("5a4db0c55a4db0c55a4db0c55a4db0c5", "x".repeat(40));
    expect(sealed).not.toContain("5a4db0c5");
    expect(sealed).not.toBe(seal("5a4db0c55a4db0c55a4db0c55a4db0c5", "x".repeat(40)));
    expect(open(sealed, "x".repeat(40))).toBe("5a4db0c55a4db0c55a4db0c55a4db0c5");
    expect(open(sealed, "y".repeat(40))).toBeNull();
    const parts = sealed.split(".");
    parts[3] = (parts[3]![0] === "A" ? "B" : "A") + parts[3]!.slice(1);
    expect(open(parts.join("."), "x".repeat(40))).toBeNull();
    expect(open("garbage", "x".repeat(40))).toBeNull();
  });
});
