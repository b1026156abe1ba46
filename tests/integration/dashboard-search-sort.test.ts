import { beforeAll, describe, expect, it } from "vitest";

import { parseDashboardQuery } from "@/lib/dashboard/schema";
import { listDashboard } from "@/lib/server/dashboard/list-dashboard";
import { refreshDashboardRows } from "@/lib/server/dashboard/refresh-dashboard-row";
import { db } from "@/lib/server/db";

import { makeOrganization } from "../support/factories";

/**
 * #14 line 1: dashboard search and sort behave the same on SQLite and PostgreSQL (this file runs on
 * both): search ignores case, names sort by the stated key whatever the database's collation, and
 * on PostgreSQL a trigram index serves the search.
 */
const postgres = /^postgres/.test(process.env.DATABASE_URL!);
const NAMES = ["zeta Corp", "Beta", "Álvaro Imports", "ACME", "acme 2", "Alpha", "_underscore co", "Émile & Co"];

beforeAll(async () => {
  for (const name of NAMES) await makeOrganization(name);
  await refreshDashboardRows((await db.onboardingApplication.findMany({ select: { id: true } })).map((row) => row.id));
});

const list = (params: Record<string, string>) => listDashboard(parseDashboardQuery(params));

describe(`dashboard search and sort (${postgres ? "PostgreSQL" : "SQLite"})`, () => {
  it("sorts names by the stated key: case and accents ignored, the same order on both databases", async () => {
    const names = (await list({ sort: "name" })).rows.map((row) => row.name);
    expect(names).toEqual([
      "_underscore co",
      "ACME",
      "acme 2",
      "Alpha",
      "Álvaro Imports",
      "Beta",
      "Émile & Co",
      "zeta Corp",
    ]);
  });

  it("finds a customer whatever the case the staff member types", async () => {
    for (const q of ["acme", "ACME", "AcMe"])
      expect((await list({ q })).rows.map((row) => row.name).sort()).toEqual(["ACME", "acme 2"]);
    expect((await list({ q: "ZETA corp" })).rows.map((row) => row.name)).toEqual(["zeta Corp"]);
    expect((await list({ q: "émile" })).rows.map((row) => row.name)).toEqual(["Émile & Co"]);
    // LIKE's wildcards never act as wildcards: they are left out of both sides, on both databases.
    expect((await list({ q: "_underscore" })).rows.map((row) => row.name)).toEqual(["_underscore co"]);
    expect((await list({ q: "%" })).total).toBe(NAMES.length);
    expect((await list({ q: "%corp" })).rows.map((row) => row.name)).toEqual(["zeta Corp"]);
  });

  it("serves the search from a trigram index on PostgreSQL", async () => {
    const indexes = await db.$queryRawUnsafe<{ name: string }[]>(
      postgres
        ? `SELECT indexname::text AS name FROM pg_indexes WHERE tablename = 'OnboardingApplication'`
        : `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'OnboardingApplication'`,
    );
    const names = indexes.map((index) => index.name);
    expect(names).toContain("OnboardingApplication_sortName_id_idx");
    if (!postgres) return;
    expect(names).toContain("OnboardingApplication_searchText_trgm_idx");
    // The planner picks it for a search (sequential scans priced out: the table is tiny here).
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN SELECT id FROM "OnboardingApplication" WHERE "searchText" LIKE '%acme%'`,
      );
    });
    expect(plan.map((line) => line["QUERY PLAN"]).join("\n")).toContain("OnboardingApplication_searchText_trgm_idx");
  });
});
