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

async function part(script: string): Promise<Record<string, unknown>> {
  const name = path.basename(script, ".ts");
  const file = path.join(dir, `${name}.json`);
  console.info(`\n[bench] ${script}`);
  const database = postgres ? await recreateDatabase(postgres, `portal_bench_${name}`) : null;
  try {
    execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", script, file], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, ...(database ? { BENCH_DATABASE_URL: database } : {}) },
    });
  } finally {
    if (postgres) await dropDatabase(postgres, `portal_bench_${name}`);
  }
  return JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
}

type Figures = {
  provisioning: Record<string, number>;
  calls: Record<string, number>;
  first_load_js_kb: Record<string, number>;
  dashboard: Record<string, number> & { api: Record<string, number> };
  autosave: Record<string, number>;
  autosave_in_step: Record<string, number>;
  detail: Record<string, unknown>;
};
async function main() {
  const figures = { ...(await part("bench/provisioning.ts")), ...(await part("bench/http.ts")) } as unknown as Figures;
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
      `provisioning: ${p.customers_at_once} customers at once`,
      `${p.many_customers_ms} ms`,
      "within the account's limits",
      true,
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
    [
      `dashboard page, ${d.customers} customers`,
      `p50 ${d.p50_ms} ms, p95 ${d.p95_ms} ms`,
      "p95 ≤ 200 ms",
      d.p95_ms! <= 200,
    ],
    ["dashboard API", `p50 ${d.api.p50_ms} ms, p95 ${d.api.p95_ms} ms`, "p95 ≤ 200 ms", d.api.p95_ms! <= 200],
    [
      `autosave, ${a.concurrent_customers} customers × ${a.seconds} s`,
      `${a.saves} saves, p50 ${a.p50_ms} ms, p95 ${a.p95_ms} ms`,
      "p95 ≤ 100 ms",
      a.p95_ms! <= 100,
    ],
    ["autosave errors / lost writes", `${a.errors} / ${a.lost_writes}`, "0 / 0", a.errors === 0 && a.lost_writes === 0],
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
  console.info("\nwritten to bench/results.json");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
