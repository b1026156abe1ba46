import { describe, expect, it } from "vitest";

import {
  nextReminderAt,
  reminderKindFor,
  tollfreeEditReminderAt,
  verificationReminderAt,
} from "@/lib/reminders/schedule";

describe("when a customer is reminded", () => {
  const since = new Date("2026-11-01T00:00:00.000Z");
  const rule = { waitHours: 72, max: 3 };

  it("after the wait, then twice and four times the wait, then never", () => {
    expect(nextReminderAt(since, 0, rule)?.toISOString()).toBe("2026-11-04T00:00:00.000Z");
    expect(nextReminderAt(since, 1, rule)?.toISOString()).toBe("2026-11-07T00:00:00.000Z");
    expect(nextReminderAt(since, 2, rule)?.toISOString()).toBe("2026-11-13T00:00:00.000Z");
    expect(nextReminderAt(since, 3, rule)).toBeNull();
  });

  it("only while the application waits on the customer", () => {
    expect(reminderKindFor("DRAFT")).toBe("draft-unfinished");
    expect(reminderKindFor("CHANGES_REQUESTED")).toBe("changes-unanswered");
    expect(reminderKindFor("SUBMITTED")).toBeNull();
    expect(reminderKindFor("APPROVED")).toBeNull();
  });

  it("a brand's one-time code 4 hours before its 24 hours run out, an Authentication+ link a day before its 7 days", () => {
    const expires = new Date("2026-11-02T00:00:00.000Z");
    expect(verificationReminderAt(expires, "sms-otp").toISOString()).toBe("2026-11-01T20:00:00.000Z");
    expect(verificationReminderAt(expires, "email-2fa").toISOString()).toBe("2026-11-01T00:00:00.000Z");
  });

  it("a rejected toll-free verification two days before Twilio's seven days to fix it end", () => {
    expect(tollfreeEditReminderAt(new Date("2026-11-09T00:00:00.000Z")).toISOString()).toBe("2026-11-07T00:00:00.000Z");
  });
});
