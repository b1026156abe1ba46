/**
 * The HTTP benchmarks (#15 lines 3–5, #27), against the production build (`next build` first when
 * there is none) served by `server.mjs` on a fresh SQLite file with 10,000 customers:
 * - first-load JavaScript of sign-in, the wizard, the customer home, the campaign page and the staff
 *   dashboard: every script real Chromium loads to show the page, gzipped, summed;
 * - Google Lighthouse's mobile performance score of sign-in, the wizard and home (bench/lighthouse.ts:
 *   its command line's defaults, the median of three runs each);
 * - the staff dashboard page and its API: server response time over BENCH_REQUESTS (60) each, over
 *   every search, filter and sort (bench/dashboard-queries.ts);
 * - sign-in: 20 customers signing in at once (each from an address of its own, trying again when
 *   told the portal is busy), while the health route is asked every 25 ms: its p95;
 * - autosave: 50 customers, each signed in, typing without a break for 30 s: as the wizard does,
 *   each saves 800 ms after a change through the draft route over HTTP, one save in flight
 *   at a time; then each customer's last acknowledged draft is compared with the database (a lost
 *   write: acknowledged but not there). Taken twice: with the customers' starts spread over the
 *   first pause (`autosave`), and all in step (`autosave_in_step`: 50 saves in the same instant,
 *   every round). `npm run bench:sqlite` is the stress figure without pauses.
 * BENCH_PARTS (comma-separated: weight, lighthouse, dashboard, sign-in, autosave; all by default) takes only
 * some. The server's output goes to a log file; when a part fails, its last lines and how the server
 * ended are printed (#27 line 6). Writes its figures as JSON to the file given as the first argument.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { chromium, type BrowserContext } from "@playwright/test";

import { migrateDatabase } from "../scripts/db-migrate";
import { serverActionId } from "../tests/e2e/support/server-actions";
import { dashboardQueries } from "./dashboard-queries";
import { watchedServer } from "./watched-server";

const root = path.resolve(__dirname, "..");
const output = process.argv[2] ?? path.join(os.tmpdir(), "bench-http.json");
const PORT = Number(process.env.BENCH_PORT ?? 3400);
const BASE = `http://127.0.0.1:${PORT}`;
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 10_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 60);
const WRITERS = Number(process.env.BENCH_AUTOSAVE_CUSTOMERS ?? 50);
const SECONDS = Number(process.env.BENCH_AUTOSAVE_SECONDS ?? 30);
// The wizard saves 800 ms after typing stops, one save in flight at a time
// (components/forms/use-versioned-autosave.ts): a customer typing without a break saves no faster.
const PAUSE_MS = Number(process.env.BENCH_AUTOSAVE_PAUSE_MS ?? 800);
// How long a customer types between two pauses (a word or two), drawn at random up to this.
const TYPING_MS = Number(process.env.BENCH_AUTOSAVE_TYPING_MS ?? 400);
const PASSWORD = "bench-customer-pass-1";
const PARTS = new Set((process.env.BENCH_PARTS ?? "weight,lighthouse,dashboard,sign-in,autosave").split(","));
const SIGN_INS_AT_ONCE = Number(process.env.BENCH_SIGN_INS ?? 20);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0;
};
const round = (value: number) => Math.round(value * 10) / 10;

async function main() {
  if (!existsSync(path.join(root, ".next/BUILD_ID")) || process.env.BENCH_BUILD === "1") {
    console.info("[bench] building the portal (next build) …");
    execFileSync("npx", ["next", "build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "portal-bench-http-"));
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? `file:${path.join(dir, "bench.db")}`;
  const dataKeys = `bench:${Buffer.alloc(32, 5).toString("base64")}`;
  Object.assign(process.env, {
    NODE_ENV: "test",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: "bench-secret-that-is-long-enough-0123456789abcdef",
    APP_URL: BASE,
    DATA_ENCRYPTION_KEYS: dataKeys,
  });
  migrateDatabase(databaseUrl, { quiet: true });
  const { seedDemo, DEMO } = await import("../prisma/seed");
  await seedDemo(databaseUrl);
  const { db } = await import("../lib/server/db");
  const { refreshDashboardRows, summarize } = await import("../lib/server/dashboard/refresh-dashboard-row");
  const { seedBulkCustomers } = await import("../tests/support/bulk-customers");
  const { hashPassword } = await import("../lib/server/auth/password");
  const { readStoredDraft } = await import("../lib/server/applications/stored-draft");
  const { ACME } = await import("../tests/support/acme");
  console.info(`[bench] ${CUSTOMERS} customers …`);
  const seedStarted = performance.now();
  // Summarized as written, by the portal's own pure summary (tests/integration/bulk-summaries.test.ts
  // shows it writes what the refresh would): 100,000 single-row refreshes took most of five minutes.
  await seedBulkCustomers(db, CUSTOMERS, refreshDashboardRows, { summarizeAtInsert: summarize });
  const seedSeconds = round((performance.now() - seedStarted) / 1000);
  // PostgreSQL's statistics after a bulk load, as autovacuum takes them within a minute anyway:
  // taken now, so that the figures do not depend on whether it has run yet.
  if (!databaseUrl.startsWith("file:")) await db.$executeRawUnsafe("ANALYZE");
  console.info(`[bench] seeded in ${seedSeconds} s`);
  const passwordHash = await hashPassword(PASSWORD);
  const writers: { email: string; applicationId: string }[] = [];
  for (let i = 0; i < Math.max(WRITERS, SIGN_INS_AT_ONCE + 1); i++) {
    const organization = await db.organization.create({ data: { name: `Autosave ${i} LLC` } });
    const email = `autosave-${i}@bench.example`;
    await db.user.create({
      data: { email, name: `Writer ${i}`, role: "CUSTOMER", organizationId: organization.id, passwordHash },
    });
    const application = await db.onboardingApplication.create({ data: { organizationId: organization.id, draft: {} } });
    writers.push({ email, applicationId: application.id });
  }

  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/profiles": to profile the server under load.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const server = watchedServer(process.execPath, [...nodeArgs, "server.mjs"], {
    cwd: root,
    log: path.join(dir, "server.log"),
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(PORT),
      HOST: "127.0.0.1",
      NEXT_TELEMETRY_DISABLED: "1",
      PROVISIONING_WORKER: "off",
      STATUS_SYNC_EVERY_SECONDS: "0",
      SMTP_URL: "",
      MAIL_OUTBOX_DIR: "",
      SIGN_IN_MAX_FAILURES_PER_IP: "1000",
      // The sign-in part speaks for people at addresses of their own, through one trusted proxy.
      TRUSTED_PROXY_HOPS: "1",
    },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    for (let ready = false, tries = 0; !ready; tries++) {
      if (tries > 240) throw new Error("the portal did not start");
      server.assertRunning();
      ready = await fetch(`${BASE}/api/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (!ready) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const signedIn = async (email: string, password: string): Promise<BrowserContext> => {
      const context = await browser.newContext({ baseURL: BASE });
      const page = await context.newPage();
      await page.goto("/sign-in");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
      await page.close();
      return context;
    };

    // Page weight: what a first visit downloads, on a fresh context (nothing cached). `expect`: a
    // selector the page must show, so that a page that turned the visitor away is not weighed instead.
    const firstLoadKb = async (context: BrowserContext, route: string, expect?: string) => {
      const page = await context.newPage();
      const scripts: Promise<number>[] = [];
      page.on("response", (response) => {
        if (response.request().resourceType() === "script")
          scripts.push(
            response.body().then(
              (body) => gzipSync(body).length,
              () => 0,
            ),
          );
      });
      await page.goto(route, { waitUntil: "networkidle" });
      if (new URL(page.url()).pathname !== route) throw new Error(`${route} sent the visitor to ${page.url()}`);
      if (expect) await page.locator(expect).first().waitFor({ timeout: 5000 });
      const bytes = (await Promise.all(scripts)).reduce((sum, size) => sum + size, 0);
      await page.close();
      return round(bytes / 1024);
    };
    /** A bulk customer whose brand is approved and verified, ready for its campaign page. */
    const campaignReadyCustomer = async () => {
      const { SCENARIOS, bulkCustomer } = await import("../tests/support/bulk-customers");
      const index = SCENARIOS.findIndex((scenario) => scenario.brand?.identity === "VERIFIED");
      const chosen = bulkCustomer(index);
      await db.user.update({ where: { email: chosen.email }, data: { passwordHash } });
      const useCases = [{ code: "MIXED", name: "Mixed", description: "Several kinds of message." }];
      await db.campaignRegistration.upsert({
        where: { applicationId: `bulk-app-${index}` },
        create: { applicationId: `bulk-app-${index}`, draft: {}, useCases, useCasesFetchedAt: new Date() },
        update: {},
      });
      return chosen.email;
    };

    /**
     * 20 customers sign in at the same moment, each from an address of its own (X-Forwarded-For
     * through the one trusted proxy hop), each trying again 250 ms after a "busy" answer, as a person
     * would, until signed in; meanwhile the health route is asked every 25 ms. Its p95 is what a
     * burst of sign-ins costs everybody else.
     */
    const signInsAtOnce = async () => {
      const signInId = serverActionId("signInWithPassword");
      const signIn = (email: string, address: string) =>
        fetch(`${BASE}/sign-in`, {
          method: "POST",
          headers: {
            "Next-Action": signInId,
            "Content-Type": "text/plain;charset=UTF-8",
            Accept: "text/x-component",
            Origin: BASE,
            "X-Forwarded-For": address,
          },
          body: JSON.stringify([null, { email, password: PASSWORD }]),
          redirect: "manual",
        });
      // Warm: one sign-in and a few health answers first, not timed (a fresh process loads the code
      // of both on first use, and that is not what a burst of sign-ins costs).
      await (await signIn(writers[SIGN_INS_AT_ONCE]!.email, "198.51.100.250")).text();
      for (let i = 0; i < 5; i++) await fetch(`${BASE}/api/health`).then((response) => response.arrayBuffer());
      const health: number[] = [];
      let watching = true;
      const watch = (async () => {
        while (watching) {
          const start = performance.now();
          await fetch(`${BASE}/api/health`).then((response) => response.arrayBuffer());
          health.push(performance.now() - start);
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      })();
      let busy = 0;
      const started = performance.now();
      const took = await Promise.all(
        writers.slice(0, SIGN_INS_AT_ONCE).map(async (writer, index) => {
          for (;;) {
            const response = await signIn(writer.email, `198.51.100.${index + 1}`);
            const text = await response.text();
            if (response.headers.getSetCookie().some((cookie) => cookie.includes("session-token")))
              return performance.now() - started;
            if (!/try again in a few seconds/i.test(text))
              throw new Error(`sign-in of ${writer.email}: ${response.status} ${text.slice(0, 200)}`);
            busy++;
            await new Promise((resolve) => setTimeout(resolve, 250));
          }
        }),
      );
      watching = false;
      await watch;
      return {
        concurrent: SIGN_INS_AT_ONCE,
        health_p95_ms: round(percentile(health, 95)),
        health_max_ms: round(Math.max(...health)),
        health_requests: health.length,
        all_signed_in_ms: round(Math.max(...took)),
        busy_answers: busy,
      };
    };

    const staff = await signedIn(DEMO.staff.email, DEMO.staff.password);
    const result: Record<string, unknown> = {};

    if (PARTS.has("weight")) {
      const customer = await signedIn(DEMO.customer.email, DEMO.customer.password);
      // The campaign page shows its form only to a customer whose brand is approved and verified:
      // one of the bulk customers at that stage, given a password and its use cases (no Twilio call).
      const campaigner = await campaignReadyCustomer();
      const campaignCustomer = await signedIn(campaigner, PASSWORD);
      // What every page carries (React, the Next.js runtime) and sign-in's own form.
      const signInKb = await firstLoadKb(await browser.newContext({ baseURL: BASE }), "/sign-in");
      result.first_load_js_kb = {
        "/sign-in": signInKb,
        "/onboarding/business": await firstLoadKb(customer, "/onboarding/business"),
        "/home": await firstLoadKb(customer, "/home"),
        "/campaign": await firstLoadKb(campaignCustomer, "/campaign", "form"),
        "/staff": await firstLoadKb(staff, "/staff"),
      };
      result.first_load_js_kb_sign_in_page = signInKb;
    }

    if (PARTS.has("lighthouse")) {
      const customer = await signedIn(DEMO.customer.email, DEMO.customer.password);
      const cookies = (await customer.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
      const { medianLighthouseScore } = await import("./lighthouse");
      const runs = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
      result.lighthouse_mobile = {
        "/sign-in": await medianLighthouseScore(`${BASE}/sign-in`, undefined, runs),
        "/onboarding/business": await medianLighthouseScore(`${BASE}/onboarding/business`, cookies, runs),
        "/home": await medianLighthouseScore(`${BASE}/home`, cookies, runs),
      };
      // The same score for the stack's smallest page, on the same machine in the same run: what no
      // page of the portal can score above (bench/lighthouse-floor.ts).
      const { lighthouseFloor } = await import("./lighthouse-floor");
      result.lighthouse_mobile_floor = await lighthouseFloor(root, PORT + 1, runs);
    }

    if (PARTS.has("dashboard")) {
      // The dashboard: page and API, a few warm-up requests left out, over every search, filter and
      // sort in turn (a request each, round and round).
      const queries = dashboardQueries(CUSTOMERS);
      const timeRequests = async (path: string) => {
        const times: number[] = [];
        const slowest: { query: string; ms: number }[] = [];
        const count = Math.max(REQUESTS, queries.length);
        for (let i = 0; i < count + 5; i++) {
          const query = queries[i % queries.length]!;
          const start = performance.now();
          const response = await staff.request.get(`${path}${query}`, { maxRedirects: 0 });
          await response.body();
          if (response.status() !== 200) throw new Error(`${path}${query}: ${response.status()}`);
          const ms = performance.now() - start;
          if (i >= 5) {
            times.push(ms);
            slowest.push({ query: query || "(none)", ms: round(ms) });
          }
        }
        slowest.sort((a, b) => b.ms - a.ms);
        return {
          p50_ms: round(percentile(times, 50)),
          p95_ms: round(percentile(times, 95)),
          requests: times.length,
          queries: queries.length,
          slowest: slowest.slice(0, 3),
        };
      };
      const { slowest: pageSlowest, ...page } = await timeRequests("/staff");
      const { slowest: apiSlowest, ...api } = await timeRequests("/api/staff/dashboard");
      result.dashboard = {
        database: databaseUrl.startsWith("file:") ? "sqlite" : "postgresql",
        customers: CUSTOMERS,
        seed_seconds: seedSeconds,
        ...page,
        api,
        slowest: { page: pageSlowest, api: apiSlowest },
      };
    }

    if (PARTS.has("sign-in")) result.sign_in = await signInsAtOnce();

    // Autosave: each customer saves, waits for the answer, saves again (as the wizard does).
    // Each customer signs in through the browser; the saves are then posted with Node's own fetch
    // and that session's cookies, so the figures time the server and not Playwright's request relay
    // (which, driven from one process for 50 customers, was the slower side).
    const cookieHeaders: string[] = [];
    const signWritersIn = async () => {
      for (const writer of writers.slice(0, WRITERS)) {
        const context = await signedIn(writer.email, PASSWORD);
        cookieHeaders.push((await context.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join("; "));
        await context.close();
      }
    };
    // The server's CPU time over the saves (Linux's /proc): what one save costs it.
    const serverCpuMs = () => {
      const fields = readFileSync(`/proc/${server.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
    };
    const versions = writers.map(() => 1);
    /**
     * Each customer saves, waits for the answer, pauses as the wizard does, saves again. `staggered`:
     * each starts at a random moment within the first pause, as people who did not all stop typing
     * at the same instant; otherwise all 50 start together and stay in step (every save of a round
     * lands in the same instant: the worst case, reported beside it).
     */
    const autosave = async (staggered: boolean, seconds = SECONDS) => {
      const latencies: number[] = [];
      let errors = 0;
      const acknowledged = new Map<string, string>();
      const cpuBefore = serverCpuMs();
      const clientCpuBefore = process.cpuUsage();
      const started = performance.now();
      const end = Date.now() + seconds * 1000;
      await Promise.all(
        writers.map(async (writer, index) => {
          if (staggered) await new Promise((resolve) => setTimeout(resolve, Math.random() * PAUSE_MS));
          for (let save = 1; Date.now() < end; save++) {
            // Staggered: a word typed (0 to TYPING_MS) before the wizard's pause; in step: no typing
            // time at all, the wizard's highest rate.
            const typing = staggered ? Math.random() * TYPING_MS : 0;
            await new Promise((resolve) => setTimeout(resolve, typing + PAUSE_MS));
            // Each save changes the street as typed: a field the dashboard's summary row does not draw
            // from, like most of the wizard's (a change of business name or registration number also
            // rewrites that row: about 10 ms more per save).
            const street = `${save} Market St, typed by writer ${index} (${staggered ? "staggered" : "in step"})`;
            const draft = { ...ACME, address: { ...ACME.address, street } };
            const start = performance.now();
            try {
              const response = await fetch(`${BASE}/api/applications/${writer.applicationId}/draft`, {
                method: "PUT",
                headers: { "Content-Type": "application/json", Cookie: cookieHeaders[index]!, Origin: BASE },
                body: JSON.stringify({ expectedVersion: versions[index]!, draft, currentStep: "business" }),
                redirect: "manual",
              });
              const text = await response.text();
              const saved = /"snapshot":\{"version":(\d+)/.exec(text);
              if (response.status !== 200 || !saved) {
                errors++;
                const current = /"conflict":\{"version":(\d+)/.exec(text);
                if (current) versions[index] = Number(current[1]);
                continue;
              }
              latencies.push(performance.now() - start);
              versions[index] = Number(saved[1]);
              acknowledged.set(writer.applicationId, street);
            } catch {
              errors++;
            }
          }
        }),
      );
      const serverCpu = serverCpuMs() - cpuBefore;
      const clientCpu = process.cpuUsage(clientCpuBefore);
      const wallMs = performance.now() - started;
      let lostWrites = 0;
      for (const [applicationId, street] of acknowledged) {
        const stored = await db.onboardingApplication.findUniqueOrThrow({ where: { id: applicationId } });
        const draft = readStoredDraft(stored.draft, applicationId) as { address?: { street?: string } };
        if (draft.address?.street !== street) lostWrites++;
      }
      return {
        concurrent_customers: WRITERS,
        seconds,
        pause_ms: PAUSE_MS,
        typing_ms: staggered ? `0-${TYPING_MS}` : "0",
        starts: staggered ? "staggered" : "in step",
        saves: latencies.length,
        p50_ms: round(percentile(latencies, 50)),
        p95_ms: round(percentile(latencies, 95)),
        errors,
        lost_writes: lostWrites,
        server_cpu_ms_per_save: round(serverCpu / Math.max(1, latencies.length)),
        server_cpu_busy_percent: round((serverCpu / wallMs) * 100),
        client_cpu_busy_percent: round(((clientCpu.user + clientCpu.system) / 1000 / wallMs) * 100),
      };
    };
    // Warm-up, not measured: the server's first saves compile their code paths and decode each
    // customer's session for the first time (the first run measured was a third slower than the next).
    if (PARTS.has("autosave")) {
      // Warm-up, not measured: the server's first saves compile their code paths and decode each
      // customer's session for the first time (the first run measured was a third slower than the next).
      await signWritersIn();
      await autosave(true, 5);
      result.autosave = await autosave(true);
      result.autosave_in_step = await autosave(false);
    }
    writeFileSync(output, JSON.stringify(result, null, 2));
    console.info(JSON.stringify(result, null, 2));
  } catch (error) {
    // What the server said and how it ended: a refused connection alone says nothing (#27 line 6).
    console.error(server.report());
    throw error;
  } finally {
    await browser.close();
    server.kill("SIGTERM");
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
