import { describe, expect, it } from "vitest";

import { buildTimeline } from "@/lib/dashboard/timeline";

describe("the timeline", () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 10, minute));
  const staff = { name: "Sam Staff", email: "sam@isv.example", role: "STAFF" };
  const customer = { name: "Alex Owner", email: "alex@acme.example", role: "CUSTOMER" };
  const audits = [
    { createdAt: at(0), action: "application.submitted", metadata: {}, actor: customer },
    { createdAt: at(5), action: "application.approved", metadata: null, actor: staff },
    {
      createdAt: at(9),
      action: "twilio.status_changed",
      metadata: { step: "customer-profile", from: "pending-review", to: "twilio-approved" },
      actor: null,
    },
    { createdAt: at(10), action: "application.field_edited", metadata: { field: "business.websiteUrl" }, actor: staff },
    {
      createdAt: at(11),
      action: "twilio.event",
      metadata: { step: "brand", from: "PENDING", to: "FAILED", type: "x" },
      actor: null,
    },
    { createdAt: at(12), action: "something.unknown", metadata: null, actor: null },
  ];
  const resources = [
    { step: "customer-profile", sid: "BU123", createdAt: at(6) },
    { step: "assign:customer-profile:business-information", sid: "RA1", createdAt: at(7) },
    { step: "brand", sid: "BN1", createdAt: at(8) },
  ];

  it("lists every event oldest first, Twilio steps and status changes included", () => {
    const events = buildTimeline(audits, resources, "staff");
    expect(events.map((event) => event.title)).toEqual([
      "Sent for review by Alex Owner",
      "Approved by Sam Staff",
      "Secondary Customer Profile created at Twilio",
      "Attached business information to the Secondary Customer Profile",
      "Brand registered with The Campaign Registry",
      "Secondary Customer Profile: Approved",
      "Field corrected by Sam Staff",
      "BrandRegistration: Failed",
    ]);
    expect(events[2]!.detail).toBe("BU123");
    expect(events.at(-1)!.tone).toBe("bad");
  });

  it("shows customers 'our team' instead of staff names, and no SIDs or internal edits", () => {
    const events = buildTimeline(audits, resources, "customer");
    expect(events.map((event) => event.title)).toContain("Approved by our team");
    expect(events.some((event) => event.title.includes("Sam Staff") || event.title.startsWith("Field corrected"))).toBe(
      false,
    );
    expect(events.some((event) => event.detail === "BU123")).toBe(false);
  });

  it("names every step in words, never by its raw id (#25 line 11)", () => {
    const steps = [
      "shaken-stir",
      "evaluate:shaken-stir",
      "submit:trust-product",
      "starter-information",
      "sole-proprietor-information",
      "assign:trust-product:sole-proprietor-information",
    ];
    const events = buildTimeline(
      [
        {
          createdAt: at(1),
          action: "twilio.status_changed",
          metadata: { step: "shaken-stir", from: "pending-review", to: "twilio-approved" },
          actor: null,
        },
      ],
      steps.map((step, index) => ({ step, sid: `X${index}`, createdAt: at(index + 2) })),
      "customer",
    );
    const titles = events.map((event) => event.title);
    expect(titles).toEqual([
      "SHAKEN/STIR TrustProduct: Approved",
      "SHAKEN/STIR TrustProduct created at Twilio",
      "SHAKEN/STIR TrustProduct evaluated by Twilio",
      "A2P TrustProduct submitted for review",
      "Starter profile information created at Twilio",
      "Sole Proprietor information created at Twilio",
      "Attached Sole Proprietor information to the A2P TrustProduct",
    ]);
    for (const title of titles) expect(title).not.toMatch(/[a-z]+-[a-z]+/);
  });
});

describe("reminders on the timeline", () => {
  it("show each reminder the customer was sent, in words for its kind", () => {
    const at = new Date(Date.UTC(2026, 10, 21, 9, 0));
    const events = buildTimeline(
      [
        { createdAt: at, action: "reminder.sent", metadata: { kind: "draft-unfinished", number: 1 }, actor: null },
        { createdAt: at, action: "reminder.sent", metadata: { kind: "changes-unanswered", number: 1 }, actor: null },
      ],
      [],
      "customer",
    );
    expect(events.map((event) => event.title)).toEqual([
      "Reminded by email to finish the application",
      "Reminded by email to make the changes asked for",
    ]);
  });
});
