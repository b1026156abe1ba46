import { describe, expect, it } from "vitest";

import {
  PASSWORD_CHECKS_AT_ONCE,
  PASSWORD_CHECKS_WAITING,
  passwordSlotFree,
  takePasswordSlot,
} from "@/lib/server/auth/password-slots";

describe("password check slots (#26 line 9, #27 line 3)", () => {
  it("one check at a time per address, running or waiting; a flood from one address leaves the others their turn", async () => {
    const first = await takePasswordSlot("203.0.113.1");
    expect(first).not.toBeNull();
    expect(await takePasswordSlot("203.0.113.1")).toBeNull();
    expect(passwordSlotFree("203.0.113.1")).toBe(false);
    expect(passwordSlotFree("198.51.100.2")).toBe(true);
    first!();
    first!(); // giving a slot back twice gives it back once
    expect(passwordSlotFree("203.0.113.1")).toBe(true);
  });

  it("past the checks at once, sign-ins wait in line and go in the order they came as slots come back", async () => {
    const held = await Promise.all(
      Array.from({ length: PASSWORD_CHECKS_AT_ONCE }, (_, index) => takePasswordSlot(`192.0.2.${index}`)),
    );
    expect(held.every(Boolean)).toBe(true);
    const order: string[] = [];
    const second = takePasswordSlot("192.0.2.201").then((release) => (order.push("201"), release));
    const third = takePasswordSlot("192.0.2.202").then((release) => (order.push("202"), release));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual([]); // still waiting
    expect(await takePasswordSlot("192.0.2.201")).toBeNull(); // that address already waits
    held[0]!();
    const secondRelease = await second;
    expect(order).toEqual(["201"]);
    secondRelease!();
    const thirdRelease = await third;
    expect(order).toEqual(["201", "202"]);
    thirdRelease!();
    for (const release of held.slice(1)) release!();
  });

  it("a wait past its limit gives up (null), and leaves its place in line to nobody", async () => {
    const held = await Promise.all(
      Array.from({ length: PASSWORD_CHECKS_AT_ONCE }, (_, index) => takePasswordSlot(`192.0.2.${index}`)),
    );
    expect(await takePasswordSlot("192.0.2.210", 30)).toBeNull();
    expect(passwordSlotFree("192.0.2.210")).toBe(true);
    for (const release of held) release!();
    const after = await takePasswordSlot("192.0.2.210");
    expect(after).not.toBeNull();
    after!();
  });

  it("a full line is answered at once: busy", async () => {
    const held = await Promise.all(
      Array.from({ length: PASSWORD_CHECKS_AT_ONCE }, (_, index) => takePasswordSlot(`192.0.2.${index}`)),
    );
    const line = Array.from({ length: PASSWORD_CHECKS_WAITING }, (_, index) => takePasswordSlot(`10.0.0.${index}`));
    expect(passwordSlotFree("192.0.2.250")).toBe(false);
    expect(await takePasswordSlot("192.0.2.250")).toBeNull();
    for (const release of held) release!();
    // Each slot given back lets one waiting sign-in in, which gives its own back in turn.
    for (const waiting of line) (await waiting)!();
    expect(passwordSlotFree("192.0.2.250")).toBe(true);
  });
});
