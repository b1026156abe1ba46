/**
 * Dashboard benchmark: a fresh SQLite file with 10,000 customers (override with BENCH_CUSTOMERS),
 * summarized by the portal's own code, then every kind of dashboard query timed. Prints a table and
 * writes bench/results/dashboard.json. Run with `npm run bench`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

import { migrateDatabase } from "../scripts/db-migrate";

const COUNT = Number(process.env.BENCH_CUSTOMERS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "portal-bench-"));
  Object.assign(process.env, {
    NODE_ENV: "test",
    DATABASE_URL: `file:${path.join(dir, "bench.db")}`,
    AUTH_SECRET: "bench-secret-that-is-long-enough-0123456789abcdef",
    APP_URL: "http://portal.bench",
  });
  migrateDatabase(process.env.DATABASE_URL, { quiet: true });
  const { db } = await import("../lib/server/db");
  const { refreshDashboardRows } = await import("../lib/server/dashboard/refresh-dashboard-row");
  const { listDashboard } = await import("../lib/server/dashboard/list-dashboard");
  const { parseDashboardQuery } = await import("../lib/dashboard/schema");
  const { seedBulkCustomers, bulkCustomer } = await import("../tests/support/bulk-customers");

  let summarizeMs = 0;
  const seedStart = performance.now();
  await seedBulkCustomers(db, COUNT, async (ids, now) => {
    const start = performance.now();
    await refreshDashboardRows(ids, now);
    summarizeMs += performance.now() - start;
  });
  const seedMs = performance.now() - seedStart;

  const target = bulkCustomer(Math.floor(COUNT / 2));
  const cases: [string, Record<string, string>][] = [
    ["default (needs attention first)", {}],
    ["default, page 200", { page: "200" }],
    ["stage filter", { stage: "brand-pending" }],
    ["needs attention only", { stage: "attention" }],
    ["brand status filter", { brand: "APPROVED" }],
    ["search by name", { q: target.name }],
    ["search by registration number", { q: target.registrationNumber }],
    ["search by email", { q: target.email }],
    ["sort by name, page 50", { sort: "name", page: "50" }],
    ["sort by progress", { sort: "progress" }],
  ];
  const rows: { query: string; medianMs: number; p95Ms: number }[] = [];
  for (const [name, params] of cases) {
    const query = parseDashboardQuery(params);
    await listDashboard(query); // warm-up
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await listDashboard(query);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    rows.push({
      query: name,
      medianMs: round(times[Math.floor(times.length / 2)]!),
      p95Ms: round(times[Math.floor(times.length * 0.95)]!),
    });
  }
  const single = performance.now();
  for (let i = 0; i < 100; i++) await refreshDashboardRows([`bulk-app-${i}`]);
  const refreshOneMs = round((performance.now() - single) / 100);

  const result = {
    customers: COUNT,
    runsPerQuery: RUNS,
    seedSeconds: round(seedMs / 1000),
    summarizeAllSeconds: round(summarizeMs / 1000),
    refreshOneRowMs: refreshOneMs,
    queries: rows,
    node: process.version,
    at: new Date().toISOString(),
  };
  console.info(`\nDashboard benchmark: ${COUNT.toLocaleString("en-US")} customers (SQLite, ${RUNS} runs per query)\n`);
  console.table(rows);
  console.info(
    `seed ${result.seedSeconds} s (of which summarizing every row ${result.summarizeAllSeconds} s); one row re-summarized after an event: ${refreshOneMs} ms\n`,
  );
  const out = path.join(__dirname, "results");
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, "dashboard.json"), JSON.stringify(result, null, 2));
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
}

const round = (value: number) => Math.round(value * 100) / 100;

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
