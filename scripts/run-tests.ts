import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

/**
 * `npm test`: the formatter check, lint and types, then every suite in order (unit and integration
 * under Vitest, then the browser tests under Playwright against a fresh production build), then
 * one closing line with the totals.
 */
const reports = path.resolve("tests/.tmp/reports");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
// Every suite but the PostgreSQL run is on the embedded SQLite databases.
const { TEST_POSTGRES_URL: postgresUrl, ...sqliteEnv } = env;

type Step = {
  name: string;
  command: string[];
  /** Run only when this is set (it says why not otherwise). */
  when?: { set: boolean; otherwise: string };
  /** The environment of the step (default: without TEST_POSTGRES_URL). */
  env?: NodeJS.ProcessEnv;
  report?: string;
  count?: (report: string) => { passed: number; failed: number; skipped: number };
};

const vitestCount = (file: string) => {
  const json = JSON.parse(readFileSync(file, "utf8"));
  return {
    passed: json.numPassedTests,
    failed: json.numFailedTests,
    skipped: json.numPendingTests + json.numTodoTests,
  };
};
const playwrightCount = (file: string) => {
  const stats = JSON.parse(readFileSync(file, "utf8")).stats;
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
};

function vitestStep(name: string, reportFile: string): Step {
  const report = `${reports}/${reportFile}`;
  return {
    name,
    command: ["npx", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    report,
    count: vitestCount,
  };
}

const steps: Step[] = [
  { name: "format", command: ["npx", "prettier", "--check", "."] },
  { name: "lint", command: ["npx", "eslint", ".", "--max-warnings", "0"] },
  { name: "typecheck", command: ["npx", "tsc", "--noEmit"] },
  vitestStep("unit and integration", "vitest.json"),
  {
    // The same suites on PostgreSQL (#14), when a server is given (.ci/run starts one).
    ...vitestStep("unit and integration on PostgreSQL", "vitest-postgres.json"),
    env: { ...sqliteEnv, TEST_POSTGRES_URL: postgresUrl },
    when: {
      set: !!postgresUrl,
      otherwise: "TEST_POSTGRES_URL is not set: the PostgreSQL run is left out (npm run test:postgres runs it)",
    },
  },
  { name: "build", command: ["npx", "next", "build"] },
  {
    name: "browser",
    command: ["npx", "playwright", "test"],
    report: `${reports}/playwright.json`,
    count: playwrightCount,
  },
  {
    // Two production instances on one PostgreSQL, one killed halfway (#14 line 5).
    name: "two instances on PostgreSQL",
    command: ["npx", "playwright", "test", "-c", "playwright.scale-out.config.ts"],
    report: `${reports}/playwright-scale-out.json`,
    count: playwrightCount,
    env: { ...sqliteEnv, TEST_POSTGRES_URL: postgresUrl },
    when: {
      set: !!postgresUrl,
      otherwise: "TEST_POSTGRES_URL is not set: the two-instance test is left out (it needs a PostgreSQL server)",
    },
  },
  {
    name: "browser (npm run dev)",
    command: ["npx", "playwright", "test", "-c", "playwright.dev.config.ts"],
    report: `${reports}/playwright-dev.json`,
    count: playwrightCount,
  },
];

const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;
for (const step of steps) {
  if (step.when && !step.when.set) {
    console.info(`\n=== ${step.name}: not run (${step.when.otherwise})\n`);
    continue;
  }
  console.info(`\n=== ${step.name}: ${step.command.join(" ")}\n`);
  const run = spawnSync(step.command[0]!, step.command.slice(1), { stdio: "inherit", env: step.env ?? sqliteEnv });
  if (step.report && step.count && existsSync(step.report)) {
    const counted = step.count(step.report);
    totals.passed += counted.passed;
    totals.failed += counted.failed;
    totals.skipped += counted.skipped;
  }
  if (run.status !== 0) {
    console.error(`\n${step.name} failed (exit code ${run.status ?? run.signal})`);
    exitCode = 1;
    break;
  }
}
console.info(
  `\ntests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`,
);
process.exit(exitCode);
