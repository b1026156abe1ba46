import { describe, expect, it } from "vitest";

import { db } from "@/lib/server/db";
import { recordTwilioStatus } from "@/lib/server/twilio-inbound/record-status";
import { handleStatusCallback } from "@/lib/server/twilio-inbound/status-callback";
import { twilioSignature } from "@/sandbox/core/signature";
import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN } from "@/sandbox/defaults";

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
        // APPROVED with a verified identity: ready for campaigns, the news that emails the customer (#25).
        recordTwilioStatus(brand, {
          status: "APPROVED",
          details: { identityStatus: "VERIFIED" },
          source,
          supersedes: () => true,
        }),
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

  it("news that lost the race is applied after the winner only if it is still newer", async () => {
    const { application } = await makeOrganization("Racing News Co");
    const profile = await db.twilioResource.create({
      data: {
        applicationId: application.id,
        step: "customer-profile",
        sid: `BU${"d".repeat(32)}`,
        accountSid: `AC${"d".repeat(32)}`,
        status: "pending-review",
      },
    });
    // Two callbacks read the profile at once ("pending-review"); "twilio-rejected" is written first.
    const readByBoth = await db.twilioResource.findUniqueOrThrow({ where: { id: profile.id } });
    const rank = (status: string | null) => ["pending-review", "in-review", "twilio-rejected"].indexOf(status ?? "");
    const laterStage = (status: string) => (current: { status: string | null }) => rank(status) > rank(current.status);
    expect(
      await recordTwilioStatus(readByBoth, {
        status: "twilio-rejected",
        source: "callback",
        supersedes: laterStage("twilio-rejected"),
      }),
    ).toBe(true);
    // The late "in-review" finds the status moved; it is not newer than "twilio-rejected": dropped.
    expect(
      await recordTwilioStatus(readByBoth, {
        status: "in-review",
        source: "callback",
        supersedes: laterStage("in-review"),
      }),
    ).toBe(false);
    expect((await db.twilioResource.findUniqueOrThrow({ where: { id: profile.id } })).status).toBe("twilio-rejected");
    // The sync's answer is as old as its read: it never overwrites a status moved meanwhile.
    expect(
      await recordTwilioStatus(readByBoth, { status: "twilio-approved", source: "sync", supersedes: () => false }),
    ).toBe(false);
    expect((await db.twilioResource.findUniqueOrThrow({ where: { id: profile.id } })).status).toBe("twilio-rejected");
    expect(await db.auditLog.count({ where: { targetId: profile.sid } })).toBe(1);
  });

  it("two signed callbacks delivered together end on the later stage, whichever lands first", async () => {
    const { application } = await makeOrganization("Two Callbacks Co");
    const accountSid = DEFAULT_ACCOUNT_SID;
    const profile = await db.twilioResource.create({
      data: {
        applicationId: application.id,
        step: "customer-profile",
        sid: `BU${"e".repeat(32)}`,
        accountSid,
        status: "pending-review",
      },
    });
    const url = "https://portal.example/api/twilio/status-callback";
    const deliver = (status: string) => {
      const params = { AccountSid: accountSid, BundleSid: profile.sid, Status: status };
      return handleStatusCallback(url, twilioSignature(DEFAULT_AUTH_TOKEN, url, params), params);
    };
    for (let round = 0; round < 5; round++) {
      await db.twilioResource.update({ where: { id: profile.id }, data: { status: "pending-review" } });
      await Promise.all([deliver("twilio-approved"), deliver("in-review")]);
      expect((await db.twilioResource.findUniqueOrThrow({ where: { id: profile.id } })).status).toBe("twilio-approved");
    }
  });
});
