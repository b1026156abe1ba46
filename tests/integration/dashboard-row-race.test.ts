import { describe, expect, it } from "vitest";

import { refreshDashboardRow, refreshDashboardRows } from "@/lib/server/dashboard/refresh-dashboard-row";
import { db } from "@/lib/server/db";

import { makeOrganization } from "../support/factories";

/**
 * The dashboard's summary row is rewritten by whoever changed the application or a Twilio status
 * (a callback, an event, the sync, an approval), on any instance. A rewrite that read the ledger
 * before a status changed must not land after the rewrite that followed the change: the row would
 * keep the old status for good (CI saw "trust product pending-review" after the sync had recorded
 * "twilio-approved", an event's rewrite having read before it and written after it).
 */
describe("two rewrites of one dashboard row at once", () => {
  it("the one that read the newer status is the one that stays, whichever writes last", async () => {
    // A slow rewrite (a batch of many rows, as the sync's) reads the statuses before a change and
    // writes after the change's own rewrite of the row.
    const others = await Promise.all(Array.from({ length: 300 }, (_, index) => makeOrganization(`Other ${index} Co`)));
    const otherIds = others.map(({ application }) => application.id);
    for (let round = 0; round < 4; round++) {
      const { application } = await makeOrganization(`Race ${round} Co`);
      const trustProduct = await db.twilioResource.create({
        data: {
          applicationId: application.id,
          step: "trust-product",
          sid: `BU${String(round).repeat(32)}`,
          accountSid: `AC${"e".repeat(32)}`,
          status: "pending-review",
        },
      });
      await refreshDashboardRow(application.id);
      await Promise.all([
        refreshDashboardRows([...otherIds, application.id]),
        (async () => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          await db.twilioResource.update({ where: { id: trustProduct.id }, data: { status: "twilio-approved" } });
          await refreshDashboardRow(application.id);
        })(),
      ]);
      const row = await db.onboardingApplication.findUniqueOrThrow({ where: { id: application.id } });
      expect({ round, status: row.trustProductStatus }).toEqual({ round, status: "twilio-approved" });
    }
  });

  it("a rewrite keeps the change time of a draft saved while it ran", async () => {
    const { application } = await makeOrganization("Saving Meanwhile Co");
    const before = await db.onboardingApplication.findUniqueOrThrow({ where: { id: application.id } });
    await Promise.all([
      refreshDashboardRow(application.id),
      db.onboardingApplication.update({
        where: { id: application.id },
        data: { currentStep: "address", updatedAt: new Date(before.updatedAt.getTime() + 60_000) },
      }),
    ]);
    const row = await db.onboardingApplication.findUniqueOrThrow({ where: { id: application.id } });
    expect(row.updatedAt.getTime()).toBe(before.updatedAt.getTime() + 60_000);
    expect(row.displayName).toBe("Saving Meanwhile Co");
  });
});
