import { beforeAll, describe, expect, it } from "vitest";

import { compareSortKeys, nameSortKey } from "@/lib/dashboard/name-sort-key";
import { parseDashboardQuery } from "@/lib/dashboard/schema";
import { STAGE_IDS, STAGES, type StageId } from "@/lib/dashboard/stages";
import type { Dashboard } from "@/lib/server/dashboard/list-dashboard";
import { db } from "@/lib/server/db";

import { bulkCustomer, seedBulkCustomers, type BulkCustomer } from "../support/bulk-customers";

/** The staff dashboard's filters, search, sort and pagination against a real SQLite file holding 10,000 customers. */
const COUNT = 10_000;
let customers: BulkCustomer[];
let list: (params: Record<string, string>) => Promise<Dashboard>;

beforeAll(async () => {
  const { refreshDashboardRows } = await import("@/lib/server/dashboard/refresh-dashboard-row");
  const { listDashboard } = await import("@/lib/server/dashboard/list-dashboard");
  customers = await seedBulkCustomers(db, COUNT, refreshDashboardRows);
  list = (params) => listDashboard(parseDashboardQuery(params));
}, 180_000);

const expectedCount = (stage: StageId) => customers.filter((c) => c.scenario.expected === stage).length;
// Needs attention: a failure or request, or longer in a timed stage than Twilio's usual time.
const needsAttention = (c: BulkCustomer) =>
  STAGES[c.scenario.expected].attention || (c.stale && STAGES[c.scenario.expected].usualMs !== null);

describe("the staff dashboard with 10,000 customers", () => {
  it("counts every customer in its stage, and the funnel narrows from all of them", async () => {
    const dashboard = await list({});
    expect(dashboard.totalAll).toBe(COUNT);
    expect(dashboard.total).toBe(COUNT);
    for (const stage of STAGE_IDS) expect(dashboard.counts[stage], stage).toBe(expectedCount(stage));
    expect(dashboard.attentionCount).toBe(customers.filter(needsAttention).length);
    expect(dashboard.funnel[0]).toEqual({ label: "Started", count: COUNT });
    expect(dashboard.funnel[1]!.count).toBe(COUNT - expectedCount("draft"));
    for (let i = 1; i < dashboard.funnel.length; i++)
      expect(dashboard.funnel[i]!.count).toBeLessThanOrEqual(dashboard.funnel[i - 1]!.count);
  });

  it("filters by stage and by Twilio status", async () => {
    for (const stage of ["in-staff-review", "profile-in-review", "brand-failed", "brand-approved"] as const) {
      const dashboard = await list({ stage });
      expect(dashboard.total, stage).toBe(expectedCount(stage));
      expect(dashboard.rows.every((row) => row.stage === stage)).toBe(true);
    }
    const approved = await list({ brand: "APPROVED" });
    expect(approved.total).toBe(customers.filter((c) => c.scenario.brand?.status === "APPROVED").length);
    expect(approved.rows.every((row) => row.brandStatus === "APPROVED" && row.identityStatus)).toBe(true);
    const rejected = await list({ profile: "twilio-rejected", brand: "PENDING" });
    expect(rejected.total).toBe(customers.filter((c) => c.scenario.profile === "twilio-rejected").length);
    const attention = await list({ stage: "attention" });
    expect(attention.total).toBe(customers.filter(needsAttention).length);
    expect(attention.rows.every((row) => row.needsAction || row.stuck)).toBe(true);
  });

  it("finds a customer by business name, registration number (with or without its dash) or email, whatever the case", async () => {
    const target = bulkCustomer(4321);
    for (const q of [
      target.name.toUpperCase(),
      target.registrationNumber,
      target.registrationNumber.replace("-", ""),
      target.email.toUpperCase(),
      `${target.name.split(" ")[0]} ${target.name.split(" ")[1]}`,
    ]) {
      const found = await list({ q });
      expect(
        found.rows.map((row) => row.applicationId),
        q,
      ).toContain("bulk-app-4321");
      expect(found.total, q).toBeLessThanOrEqual(2);
    }
    const combined = await list({ q: target.name.split(" ")[0]!, stage: target.scenario.expected });
    expect(combined.total).toBe(
      customers.filter(
        (c) => c.name.startsWith(target.name.split(" ")[0]!) && c.scenario.expected === target.scenario.expected,
      ).length,
    );
    expect((await list({ q: "no such customer anywhere" })).total).toBe(0);
  });

  it("pages through every match exactly once, and a page past the end shows the last one", async () => {
    const first = await list({ stage: "brand-failed", sort: "name" });
    expect(first.pageCount).toBe(Math.ceil(expectedCount("brand-failed") / first.pageSize));
    const seen = new Set<string>();
    for (let page = 1; page <= first.pageCount; page++)
      for (const row of (await list({ stage: "brand-failed", sort: "name", page: String(page) })).rows)
        seen.add(row.applicationId);
    expect(seen.size).toBe(expectedCount("brand-failed"));
    const beyond = await list({ stage: "brand-failed", sort: "name", page: "9999" });
    expect(beyond.page).toBe(first.pageCount);
  });

  it("sorts by name, by progress and by time in stage", async () => {
    const names = [...(await list({ sort: "name" })).rows, ...(await list({ sort: "name", page: "2" })).rows].map(
      (row) => row.name,
    );
    const keys = names.map(nameSortKey);
    expect(keys).toEqual([...keys].sort(compareSortKeys));
    const progress = (await list({ sort: "progress" })).rows;
    expect(
      progress.every((row) => STAGE_IDS.indexOf(row.stage) === STAGE_IDS.length - 1 || row.stage === "brand-approved"),
    ).toBe(true);
    const waiting = (await list({ sort: "waiting" })).rows;
    expect(waiting.map((row) => row.stageSince)).toEqual([...waiting.map((row) => row.stageSince)].sort());
  });

  it("puts every customer needing attention first, across the page where they end", async () => {
    const attentionTotal = customers.filter(needsAttention).length;
    const pageSize = (await list({})).pageSize;
    const boundaryPage = Math.floor(attentionTotal / pageSize) + 1;
    const before = await list({ page: String(boundaryPage - 1) });
    expect(before.rows.every((row) => row.needsAction || row.stuck)).toBe(true);
    const boundary = await list({ page: String(boundaryPage) });
    const split = attentionTotal % pageSize;
    expect(boundary.rows.slice(0, split).every((row) => row.needsAction || row.stuck)).toBe(true);
    expect(boundary.rows.slice(split).some((row) => row.needsAction || row.stuck)).toBe(false);
    const last = await list({ page: "9999" });
    expect(last.rows.some((row) => row.needsAction || row.stuck)).toBe(false);
    // The oldest problem comes first.
    const top = (await list({})).rows;
    expect(top.map((row) => row.stageSince)).toEqual([...top.map((row) => row.stageSince)].sort());
  });
});
