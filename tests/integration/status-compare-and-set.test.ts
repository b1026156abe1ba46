import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { recordTwilioStatus } from "@/lib/server/twilio/status/record-status";
import { makeOrganization, makeUser } from "../support/factories";
import { mailOutbox } from "../support/mail-outbox";

/**
 * #14 line 3: a status change is applied with compare-and-set, so a status callback, an Event
 * Streams event and the sync bringing the same news at once (from any instance) make one audit row
 * and one email.
 */
describe("a status change arriving three ways at once", () => {
  it("is applied once: one audit row, one email to the customer", async () => {
    const { organization, application } = await makeOrganization("Same News Co");
    const { user } = await makeUser({ role: "CUSTOMER", organizationId: organization.id });
    const brand = await db.twilioResource.create({
      data: {
        applicationId: application.id,
        step: "brand",
        sid: `BN${"c".repeat(32)}`,
        accountSid: `AC${"c".repeat(32)}`,
        status: "PENDING",
      },
    });
    const results = await Promise.all(
      (["callback", "event", "sync"] as const).map((source) =>
        recordTwilioStatus(brand, { status: "APPROVED", source }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await db.twilioResource.findUniqueOrThrow({ where: { id: brand.id } })).status).toBe("APPROVED");
    expect(await db.auditLog.count({ where: { targetId: brand.sid } })).toBe(1);
    const approvals = mailOutbox()
      .all()
      .filter((mail) => mail.to === user.email && mail.subject === "Your brand is approved: describe your messages");
    expect(approvals).toHaveLength(1);
  });
});
