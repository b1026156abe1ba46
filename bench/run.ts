/**
 * `npm run bench` (#15): the provisioning and Twilio-call figures (bench/provisioning.ts), then the
 * HTTP figures against the production build (bench/http.ts), each in a process of its own; prints
 * one table, each figure beside its target, and writes bench/results.json. On fresh SQLite files,
 * or, when DATABASE_URL names a PostgreSQL server, on fresh databases made beside the one it names
 * (the role must be allowed to create databases; the named database itself is not touched).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { dropDatabase, recreateDatabase } from "../tests/support/postgres-databases";

const root = path.resolve(__dirname, "..");
const dir = mkdtempSync(path.join(os.tmpdir(), "portal-bench-"));

const postgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "") ? process.env.DATABASE_URL! : null;
// The staff dashboard at 100,000 customers (#27 line 4) is taken on PostgreSQL, when one is named.
const benchPostgres = process.env.BENCH_POSTGRES_URL ?? null;
if (benchPostgres && !/^postgres(ql)?:\/\//.test(benchPostgres))
  throw new Error("BENCH_POSTGRES_URL must be a postgresql:// URL");

/**
 * One part in a process of its own, on a fresh database: a SQLite file it makes, or a database
 * made beside the PostgreSQL one named (and dropped after).
 */
async function part(
  script: string,
  options: { name?: string; server?: string | null; env?: Record<string, string> } = {},
): Promise<Record<string, unknown>> {
  const name = options.name ?? path.basename(script, ".ts");
  const server = options.server === undefined ? postgres : options.server;
  const file = path.join(dir, `${name}.json`);
  console.info(`\n[bench] ${script}${options.env ? ` ${JSON.stringify(options.env)}` : ""}`);
  const database = server ? await recreateDatabase(server, `portal_bench_${name}`) : null;
  try {
    execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", script, file], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, ...options.env, ...(database ? { BENCH_DATABASE_URL: database } : {}) },
    });
  } finally {
    if (server) await dropDatabase(server, `portal_bench_${name}`);
  }
  return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
}

type LighthouseRun = {
  score: number;
  total_blocking_time_ms: number;
  largest_contentful_paint_ms: number;
  runs: number[];
};
type Figures = {
  provisioning: Record<string, number> & { many_customers: { customers: number; ms: number; rate_floor_ms: number } };
  calls: Record<string, number>;
  first_load_js_kb: Record<string, number>;
  lighthouse_mobile?: Record<string, LighthouseRun>;
  /** Not a target: the stack's own smallest page, scored the same way (bench/lighthouse-floor.ts). */
  lighthouse_mobile_floor?: LighthouseRun;
  dashboard: Record<string, number> & { api: Record<string, number> };
  autosave: Record<string, number>;
  autosave_in_step: Record<string, number>;
  sign_in: Record<string, number>;
  dashboard_100k?: Record<string, number | string>;
  detail: Record<string, unknown>;
};
async function main() {
  const figures = { ...(await part("bench/provisioning.ts")), ...(await part("bench/http.ts")) } as unknown as Figures;
  if (benchPostgres) {
    const large = (await part("bench/http.ts", {
      name: "dashboard_100k",
      server: benchPostgres,
      env: { BENCH_PARTS: "dashboard", BENCH_CUSTOMERS: process.env.BENCH_LARGE_CUSTOMERS ?? "100000" },
    })) as { dashboard: Record<string, number | string> & { api: Record<string, number> } };
    figures.dashboard_100k = {
      database: large.dashboard.database!,
      customers: large.dashboard.customers!,
      seed_seconds: large.dashboard.seed_seconds!,
      page_p50_ms: large.dashboard.p50_ms!,
      page_p95_ms: large.dashboard.p95_ms!,
      api_p50_ms: large.dashboard.api.p50_ms!,
      api_p95_ms: large.dashboard.api.p95_ms!,
      requests: large.dashboard.requests!,
      queries: large.dashboard.queries!,
    };
  }
  const { provisioning: p, calls: c, dashboard: d, autosave: a, autosave_in_step: inStep } = figures;

  type Row = [string, string, string, boolean];
  const rows: Row[] = [
    [
      "provisioning: pipeline (one customer)",
      `${p.pipeline_ms} ms`,
      `≤ 1.25 × critical path (${Math.round(1.25 * p.critical_path_ms!)} ms)`,
      p.pipeline_ms! <= 1.25 * p.critical_path_ms!,
    ],
    [
      "provisioning: same calls one at a time",
      `${p.sequential_ms} ms`,
      `≥ 3 × pipeline (${3 * p.pipeline_ms!} ms)`,
      p.sequential_ms! >= 3 * p.pipeline_ms!,
    ],
    ["provisioning: critical path bound", `${p.critical_path_ms} ms`, `${p.latency_ms_per_call} ms a call`, true],
    [
      `provisioning: ${p.many_customers.customers} customers at once`,
      `${p.many_customers.ms} ms (${(p.many_customers.ms / p.many_customers.rate_floor_ms).toFixed(2)} × floor)`,
      `≤ 1.2 × Twilio's rate floor (${Math.round(1.2 * p.many_customers.rate_floor_ms)} ms)`,
      p.many_customers.ms <= 1.2 * p.many_customers.rate_floor_ms,
    ],
    ["calls per customer", `${c.per_customer}`, `= minimum (${c.minimum})`, c.per_customer === c.minimum],
    [
      "calls per customer, 1,000 already provisioned",
      `${c.per_customer_with_1000_existing}`,
      `= ${c.per_customer}`,
      c.per_customer_with_1000_existing === c.per_customer,
    ],
    [
      "billable calls after faults",
      `${c.after_faults_billable}`,
      `= ${c.billable_minimum}`,
      c.after_faults_billable === c.billable_minimum,
    ],
    ...Object.entries(figures.first_load_js_kb).map(([route, kb]): Row => [
      `first-load JS ${route}`,
      `${kb} KB`,
      "≤ 150 KB",
      kb <= 150,
    ]),
    ...Object.entries(figures.lighthouse_mobile ?? {}).map(([route, lh]): Row => [
      `Lighthouse mobile performance ${route}`,
      `${lh.score} (runs ${lh.runs.join(", ")}; TBT ${lh.total_blocking_time_ms} ms, LCP ${lh.largest_contentful_paint_ms} ms)`,
      "≥ 95",
      lh.score >= 95,
    ]),
    [
      `dashboard page, ${d.customers} customers`,
      `p50 ${d.p50_ms} ms, p95 ${d.p95_ms} ms`,
      "p95 ≤ 200 ms",
      d.p95_ms! <= 200,
    ],
    ["dashboard API", `p50 ${d.api.p50_ms} ms, p95 ${d.api.p95_ms} ms`, "p95 ≤ 200 ms", d.api.p95_ms! <= 200],
    ...(figures.dashboard_100k ? largeDashboardRows(figures.dashboard_100k) : []),
    [
      `sign-in: ${figures.sign_in.concurrent} at once, the health route`,
      `p95 ${figures.sign_in.health_p95_ms} ms (all signed in after ${figures.sign_in.all_signed_in_ms} ms)`,
      "p95 ≤ 100 ms",
      figures.sign_in.health_p95_ms! <= 100,
    ],
    [
      `autosave, ${a.concurrent_customers} customers × ${a.seconds} s`,
      `${a.saves} saves, p50 ${a.p50_ms} ms, p95 ${a.p95_ms} ms`,
      "p95 ≤ 100 ms",
      a.p95_ms! <= 100,
    ],
    ["autosave errors / lost writes", `${a.errors} / ${a.lost_writes}`, "0 / 0", a.errors === 0 && a.lost_writes === 0],
    ["autosave: server CPU per save", `${a.server_cpu_ms_per_save} ms`, "≤ 5 ms", a.server_cpu_ms_per_save! <= 5],
    // The worst case beside it: every customer's save of a round in the same instant, no typing time.
    [
      `autosave, the same customers in step (worst case)`,
      `${inStep.saves} saves, p50 ${inStep.p50_ms} ms, p95 ${inStep.p95_ms} ms`,
      "p95 ≤ 100 ms",
      inStep.p95_ms! <= 100,
    ],
    [
      "autosave in step: errors / lost writes",
      `${inStep.errors} / ${inStep.lost_writes}`,
      "0 / 0",
      inStep.errors === 0 && inStep.lost_writes === 0,
    ],
  ];
  const width = [0, 1, 2].map((i) => Math.max(...rows.map((row) => String(row[i]).length)));
  console.info(
    `\nFigures (${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${figures.detail.database}):\n`,
  );
  for (const [name, value, target, met] of rows)
    console.info(
      `${name.padEnd(width[0]!)}  ${value.padEnd(width[1]!)}  ${target.padEnd(width[2]!)}  ${met ? "met" : "MISSED"}`,
    );

  const results = {
    ...figures,
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? null,
      memory_gib: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    taken_at: new Date().toISOString(),
    targets_met: Object.fromEntries(rows.map(([name, , , met]) => [name, met])),
  };
  writeFileSync(path.join(root, "bench/results.json"), `${JSON.stringify(results, null, 2)}\n`);
  const floor = figures.lighthouse_mobile_floor;
  if (floor)
    console.info(
      `\nFor reference, not a target: Lighthouse mobile performance of a one-page Next.js app (this stack's smallest page) ${floor.score} (runs ${floor.runs.join(", ")}; TBT ${floor.total_blocking_time_ms} ms, LCP ${floor.largest_contentful_paint_ms} ms)`,
    );
  console.info("\nwritten to bench/results.json");
}

function largeDashboardRows(large: Record<string, number | string>): [string, string, string, boolean][] {
  return [
    [
      `dashboard page, ${large.customers} customers (${large.database}), every search, filter and sort`,
      `p50 ${large.page_p50_ms} ms, p95 ${large.page_p95_ms} ms`,
      "p95 ≤ 200 ms",
      Number(large.page_p95_ms) <= 200,
    ],
    [
      "its API",
      `p50 ${large.api_p50_ms} ms, p95 ${large.api_p95_ms} ms`,
      "p95 ≤ 200 ms",
      Number(large.api_p95_ms) <= 200,
    ],
    [`seeding the ${large.customers}`, `${large.seed_seconds} s`, "< 180 s", Number(large.seed_seconds) < 180],
  ];
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
