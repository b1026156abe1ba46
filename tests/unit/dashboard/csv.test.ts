import { describe, expect, it } from "vitest";

import { csvField, DASHBOARD_CSV_COLUMNS, dashboardCsvHeader, dashboardCsvLine } from "@/lib/dashboard/csv";
import type { DashboardRow } from "@/lib/dashboard/views";

const row: DashboardRow = {
  applicationId: "app1",
  organizationId: "org1",
  name: 'Comma, "Quote" Co',
  organizationName: '=HYPERLINK("http://evil.example")',
  registrationNumber: "…6789",
  stage: "brand-failed",
  stageSince: "2026-12-05T10:00:00.000Z",
  needsAction: true,
  stuck: false,
  dueAt: null,
  profileStatus: "twilio-approved",
  trustProductStatus: "twilio-approved",
  brandStatus: "FAILED",
  identityStatus: "UNVERIFIED",
  brandScore: null,
  campaignStatus: null,
  lastActivityAt: "2026-12-05T11:00:00.000Z",
  remindersSent: 2,
  lastReminderAt: "2026-12-05T12:00:00.000Z",
};

describe("the dashboard as CSV", () => {
  it("quotes commas, quotes and line breaks (RFC 4180); leaves plain values bare", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(null)).toBe("");
    expect(csvField(42)).toBe("42");
    expect(csvField(true)).toBe("true");
  });

  it("keeps a spreadsheet from running a customer's text as a formula", () => {
    for (const text of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx"]) expect(csvField(text).replace(/^"/, "")).toMatch(/^'/);
    // Numbers are numbers, not text: a negative score is not a formula.
    expect(csvField(-1)).toBe("-1");
  });

  it("writes every column, the stage's words beside its id, dates as ISO 8601", () => {
    expect(dashboardCsvHeader()).toBe(`${DASHBOARD_CSV_COLUMNS.join(",")}\r\n`);
    const line = dashboardCsvLine(row);
    expect(line.endsWith("\r\n")).toBe(true);
    expect(line).toBe(
      'app1,org1,"Comma, ""Quote"" Co","\'=HYPERLINK(""http://evil.example"")",…6789,brand-failed,Brand failed,2026-12-05T10:00:00.000Z,true,false,,twilio-approved,twilio-approved,FAILED,UNVERIFIED,,,2026-12-05T11:00:00.000Z,2,2026-12-05T12:00:00.000Z\r\n',
    );
  });
});
