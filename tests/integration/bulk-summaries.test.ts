import { describe, expect, it } from "vitest";

import { refreshDashboardRows, summarize } from "@/lib/server/dashboard/refresh-dashboard-row";
import { db } from "@/lib/server/db";

import { SCENARIOS, seedBulkCustomers } from "../support/bulk-customers";

/**
 * The benchmark's 100,000 customers are summarized as they are written (#27 line 4), with the
 * portal's pure summary instead of its refresh: the rows must be the ones the refresh makes.
 */
describe("customers summarized as they are written", () => {
  it("hold the same dashboard columns the portal's refresh writes, stage for stage", async () => {
    const count = SCENARIOS.length * 7; // every scenario, fresh and ten days old
    const customers = await seedBulkCustomers(db, count, refreshDashboardRows, { summarizeAtInsert: summarize });
    const columns = {
      stage: true,
      stageRank: true,
      stageSince: true,
      needsAction: true,
      dueAt: true,
      displayName: true,
      sortName: true,
      searchText: true,
      registrationNumberHint: true,
      registrationNumberIndex: true,
      profileStatus: true,
      trustProductStatus: true,
      brandStatus: true,
      identityStatus: true,
      brandScore: true,
      campaignStatus: true,
      lastActivityAt: true,
    } as const;
    const read = () =>
      db.onboardingApplication.findMany({
        where: { id: { startsWith: "bulk-app-" } },
        select: { id: true, ...columns },
        orderBy: { id: "asc" },
      });
    const atInsert = await read();
    expect(atInsert).toHaveLength(count);
    expect(new Set(atInsert.map((row) => row.stage))).toEqual(new Set(customers.map((c) => c.scenario.expected)));
    // The refresh keeps a row's stage start while its stage stays: what it writes now is what the
    // summary at insert wrote (the stale ones, too).
    await refreshDashboardRows(atInsert.map((row) => row.id));
    expect(await read()).toEqual(atInsert);
  });
});
