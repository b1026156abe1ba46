import { describe, expect, it } from "vitest";

import { PASSWORD_CHECKS_AT_ONCE, passwordSlotFree, takePasswordSlot } from "@/lib/server/auth/password-slots";

describe("password check slots (#26 line 9)", () => {
  it("one check at a time per address; a flood from one address leaves the others their slots", () => {
    const first = takePasswordSlot("203.0.113.1");
    expect(first).not.toBeNull();
    expect(takePasswordSlot("203.0.113.1")).toBeNull();
    expect(passwordSlotFree("203.0.113.1")).toBe(false);
    const other = takePasswordSlot("198.51.100.2");
    expect(other).not.toBeNull();
    first!();
    first!(); // giving a slot back twice gives it back once
    expect(passwordSlotFree("203.0.113.1")).toBe(true);
    other!();
  });

  it("the process as a whole checks at most a few at once", () => {
    const held = Array.from({ length: PASSWORD_CHECKS_AT_ONCE }, (_, index) => takePasswordSlot(`192.0.2.${index}`));
    expect(held.every(Boolean)).toBe(true);
    expect(takePasswordSlot("192.0.2.250")).toBeNull();
    for (const release of held) release!();
    expect(passwordSlotFree("192.0.2.250")).toBe(true);
  });
});
