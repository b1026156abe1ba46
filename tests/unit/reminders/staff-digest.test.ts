import { describe, expect, it } from "vitest";

import { digestDay, digestText } from "@/lib/reminders/staff-digest";

describe("the staff's daily digest", () => {
  it("is for the UTC day, from its hour on", () => {
    expect(digestDay(new Date("2026-11-03T07:59:59.000Z"), 8)).toBeNull();
    expect(digestDay(new Date("2026-11-03T08:00:00.000Z"), 8)).toBe("2026-11-03");
    expect(digestDay(new Date("2026-11-03T23:30:00.000Z"), 8)).toBe("2026-11-03");
    expect(digestDay(new Date("2026-11-03T00:00:00.000Z"), 0)).toBe("2026-11-03");
  });

  it("lists each stuck customer with its stage, how long, and the stage's usual wait; says how many more", () => {
    const now = new Date("2026-11-10T09:00:00.000Z");
    const lines = digestText(
      [
        {
          name: "Slow Brand Co",
          stage: "brand-pending",
          stageSince: new Date("2026-11-01T09:00:00.000Z"),
          dueAt: new Date("2026-11-08T09:00:00.000Z"),
        },
        {
          name: "Waiting Review LLC",
          stage: "in-staff-review",
          stageSince: new Date("2026-11-07T09:00:00.000Z"),
          dueAt: new Date("2026-11-08T09:00:00.000Z"),
        },
      ],
      3,
      "https://portal.example/staff?stage=attention",
      now,
    );
    expect(lines[0]).toBe("3 customers are stuck past their stage's usual wait:");
    expect(lines).toContain("- Waiting Review LLC: In staff review for 3 day(s) (usually within one business day)");
    expect(lines.find((line) => line.startsWith("- Slow Brand Co:"))).toMatch(/for 9 day\(s\)/);
    expect(lines).toContain("…and 1 more.");
    expect(lines.at(-1)).toBe("All of them, longest waiting first: https://portal.example/staff?stage=attention");
  });
});
