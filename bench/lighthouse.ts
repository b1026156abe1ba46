/**
 * Google Lighthouse's performance score (#27 line 1), as its command line gives it by default: a
 * phone (Moto G Power's screen, 4× slower CPU, slow 4G, simulated throttling), one cold load,
 * performance only, the median of three runs. Runs the `lighthouse` package against the production build the HTTP benchmark
 * serves, in the same Chromium as the browser tests, signed in through the session cookie of a
 * Playwright context (Lighthouse's `--extra-headers`).
 */
import { execFile } from "node:child_process";
import { copyFile, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * Lighthouse 12 is the last for Node 20. Fetched by npm into its own cache at the first run rather
 * than kept in package.json: one of its dependencies asks for another package's "latest", which
 * a lock file cannot hold still (`npm ci` refuses the lock once that tag moves).
 */
const LIGHTHOUSE_VERSION = "12.8.2";

export type LighthouseFigures = {
  score: number;
  first_contentful_paint_ms: number;
  largest_contentful_paint_ms: number;
  total_blocking_time_ms: number;
  cumulative_layout_shift: number;
  speed_index_ms: number;
};

type Report = {
  finalDisplayedUrl: string;
  runtimeError?: { code: string; message: string };
  categories: { performance?: { score: number | null } };
  audits: Record<string, { numericValue?: number }>;
};

/**
 * The run with the median score of `runs` (Lighthouse's own advice on variability: a single run
 * moves by several points with the machine's load).
 */
export async function medianLighthouseScore(
  url: string,
  cookies?: string,
  runs = 3,
): Promise<LighthouseFigures & { runs: number[] }> {
  const results: LighthouseFigures[] = [];
  for (let run = 0; run < runs; run++) results.push(await lighthouseScore(url, cookies));
  const sorted = [...results].sort((a, b) => a.score - b.score);
  return { ...sorted[Math.floor((sorted.length - 1) / 2)]!, runs: results.map((result) => result.score) };
}

/**
 * One page's figures (`cookies`: the header to send, or none for a public page). Lighthouse's own
 * command line, in a process of its own: it hands functions to the page as their source text, and
 * the TypeScript loader the benchmark runs under would add helpers to that text which the page lacks.
 */
export async function lighthouseScore(
  url: string,
  cookies?: string,
  chromePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
): Promise<LighthouseFigures> {
  const report = path.join(os.tmpdir(), `lighthouse-${process.pid}-${Date.now()}.json`);
  const args = [
    "exec",
    "--yes",
    `--package=lighthouse@${LIGHTHOUSE_VERSION}`,
    "--",
    "lighthouse",
    url,
    "--output=json",
    `--output-path=${report}`,
    "--only-categories=performance",
    "--quiet",
    "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
  ];
  if (cookies) args.push(`--extra-headers=${JSON.stringify({ Cookie: cookies })}`);
  try {
    await run("npm", args, { env: { ...process.env, CHROME_PATH: chromePath }, timeout: 300_000 });
    const lhr = JSON.parse(await readFile(report, "utf8")) as Report;
    const route = new URL(url).pathname;
    // A page that turned the visitor away (signed out, wrong role) would be scored instead.
    if (new URL(lhr.finalDisplayedUrl).pathname !== route)
      throw new Error(`${route}: Lighthouse was sent to ${lhr.finalDisplayedUrl}`);
    if (lhr.runtimeError) throw new Error(`${route}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const audit = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? Number.NaN);
    return {
      score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      first_contentful_paint_ms: audit("first-contentful-paint"),
      largest_contentful_paint_ms: audit("largest-contentful-paint"),
      total_blocking_time_ms: audit("total-blocking-time"),
      cumulative_layout_shift: Math.round((lhr.audits["cumulative-layout-shift"]?.numericValue ?? 0) * 1000) / 1000,
      speed_index_ms: audit("speed-index"),
    };
  } finally {
    // BENCH_LIGHTHOUSE_REPORTS names a folder to keep each whole report in (what made a score).
    const keep = process.env.BENCH_LIGHTHOUSE_REPORTS;
    if (keep)
      await copyFile(report, path.join(keep, `${new URL(url).pathname.replaceAll("/", "_")}.json`)).catch(
        () => undefined,
      );
    await rm(report, { force: true });
  }
}
