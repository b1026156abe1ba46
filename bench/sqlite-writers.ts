/**
 * SQLite under load (#14 line 7): 50 customers autosaving their drafts at once for 30 s, through
 * the portal's own saveDraft (one conditional update per save, decision 0006), spread over 5
 * processes that each open the database like a portal instance does (WAL, better-sqlite3's busy
 * timeout). Counts saves, errors (an SQLITE_BUSY reaching a user would be one) and lost writes
 * (saves acknowledged but not in the database afterwards); prints a table and writes
 * bench/results/sqlite-writers.json. Run with `npm run bench:sqlite` (BENCH_WRITERS, BENCH_PROCESSES,
 * BENCH_SECONDS override the defaults).
 */
import { fork } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const WRITERS = Number(process.env.BENCH_WRITERS ?? 50);
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);

type WriterReport = { saves: number; errors: string[]; latencies: number[]; acknowledged: Record<string, number> };

const env = (databaseUrl: string) => ({
  NODE_ENV: "test",
  DATABASE_URL: databaseUrl,
  AUTH_SECRET: "bench-secret-that-is-long-enough-0123456789abcdef",
  APP_URL: "http://portal.bench",
});

/** One process: `count` customers, each saving as fast as the server answers, until the deadline. */
async function writerProcess(applicationIds: string[], userIds: string[], deadline: number): Promise<WriterReport> {
  const { db } = await import("../lib/server/db");
  const { saveDraft } = await import("../lib/server/applications/application-draft");
  const report: WriterReport = { saves: 0, errors: [], latencies: [], acknowledged: {} };
  // Every process starts at the same moment, SECONDS before the deadline, once all are loaded.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - SECONDS * 1000 - Date.now())));
  await Promise.all(
    applicationIds.map(async (applicationId, index) => {
      let typed = 0;
      while (Date.now() < deadline) {
        const application = await db.onboardingApplication.findUniqueOrThrow({ where: { id: applicationId } });
        typed++;
        const started = performance.now();
        try {
          const outcome = await saveDraft(
            application,
            {
              expectedVersion: application.version,
              draft: { business: { businessName: `Writer ${index} keystroke ${typed}` } },
              currentStep: "business",
            },
            userIds[index]!,
          );
          report.latencies.push(performance.now() - started);
          if (outcome.ok) {
            report.saves++;
            report.acknowledged[applicationId] = outcome.snapshot.version;
          } else report.errors.push(`refused: ${outcome.reason}`);
        } catch (error) {
          report.errors.push(error instanceof Error ? error.message.slice(0, 200) : String(error));
        }
      }
    }),
  );
  await db.$disconnect();
  return report;
}

const percentile = (values: number[], p: number) => {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

async function main() {
  if (process.env.BENCH_CHILD) {
    const { ids, users, deadline } = JSON.parse(process.env.BENCH_CHILD) as {
      ids: string[];
      users: string[];
      deadline: number;
    };
    process.send!(await writerProcess(ids, users, deadline));
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "portal-bench-sqlite-"));
  const databaseUrl = `file:${path.join(dir, "bench.db")}`;
  Object.assign(process.env, env(databaseUrl));
  const { migrateDatabase } = await import("../scripts/db-migrate");
  migrateDatabase(databaseUrl, { quiet: true });
  const { db } = await import("../lib/server/db");
  const ids: string[] = [];
  const users: string[] = [];
  for (let i = 0; i < WRITERS; i++) {
    const organization = await db.organization.create({ data: { name: `Writer ${i}` } });
    ids.push((await db.onboardingApplication.create({ data: { organizationId: organization.id, draft: {} } })).id);
    users.push(
      (
        await db.user.create({
          data: { email: `writer-${i}@bench.example`, role: "CUSTOMER", organizationId: organization.id },
        })
      ).id,
    );
  }
  const journal = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");

  // Every process starts writing at the same moment, once all are loaded.
  const deadline = Date.now() + 15_000 + SECONDS * 1000;
  const perProcess = Math.ceil(WRITERS / PROCESSES);
  const reports = await Promise.all(
    Array.from({ length: PROCESSES }, (_, p) => ({
      ids: ids.slice(p * perProcess, (p + 1) * perProcess),
      users: users.slice(p * perProcess, (p + 1) * perProcess),
    })).map(
      (slice) =>
        new Promise<WriterReport>((resolve, reject) => {
          const child = fork(__filename, [], {
            execArgv: ["--conditions=react-server", "--import", "tsx"],
            env: { ...process.env, BENCH_CHILD: JSON.stringify({ ...slice, deadline }) },
          });
          child.once("message", (message) => resolve(message as WriterReport));
          child.once("error", reject);
        }),
    ),
  );
  const latencies = reports.flatMap((report) => report.latencies);
  const errors = reports.flatMap((report) => report.errors);
  const acknowledged = Object.assign({}, ...reports.map((report) => report.acknowledged)) as Record<string, number>;
  // A lost write: the database holds an older version than the last one a save acknowledged.
  let lostWrites = 0;
  for (const [id, version] of Object.entries(acknowledged)) {
    const stored = await db.onboardingApplication.findUniqueOrThrow({ where: { id }, select: { version: true } });
    if (stored.version < version) lostWrites++;
  }
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });

  const saves = reports.reduce((total, report) => total + report.saves, 0);
  const result = {
    machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    journal_mode: journal[0]?.journal_mode ?? null,
    writers: WRITERS,
    processes: PROCESSES,
    seconds: SECONDS,
    saves,
    saves_per_second: Math.round(saves / SECONDS),
    p50_ms: Number(percentile(latencies, 50).toFixed(1)),
    p95_ms: Number(percentile(latencies, 95).toFixed(1)),
    max_ms: Number(percentile(latencies, 100).toFixed(1)),
    errors: errors.length,
    busy_errors: errors.filter((error) => /SQLITE_BUSY|database is locked/i.test(error)).length,
    lost_writes: lostWrites,
  };
  console.table(result);
  if (errors.length) console.info("first errors:", errors.slice(0, 5));
  mkdirSync(path.resolve("bench/results"), { recursive: true });
  writeFileSync(path.resolve("bench/results/sqlite-writers.json"), `${JSON.stringify(result, null, 2)}\n`);
}

void main();
