/**
 * Provisioning and Twilio-call benchmark (#15 lines 1–2): the portal's own pipeline against an
 * in-process sandbox through the real SDK, on a fresh SQLite file (or the PostgreSQL database
 * BENCH_DATABASE_URL names). Writes its figures as JSON to the file given as the first argument.
 *
 * - pipeline_ms: one customer, registration and campaign phases, at the portal's concurrency, with
 *   BENCH_LATENCY_MS (200) added to every Twilio answer.
 * - sequential_ms: the same calls one at a time (concurrency 1: the graph's order, the seeds' order).
 * - critical_path_ms: the longest chain of dependent calls × the latency, from the graph the run
 *   reported (each step's dependencies) and the calls each step made.
 * - many_customers: 100 customers at once in one account (BENCH_MANY_CUSTOMERS), within its limits
 *   (8 calls at once, each brand or campaign request 1.1 s after the previous one's answer), beside
 *   Twilio's own floor for them: 2 requests × customers × 1.1 s (#27 line 5).
 * - calls: every Twilio call of a customer that is not the account's first (its Event Streams sink
 *   already exists), the writes among them (the minimum: each resource created, assigned,
 *   evaluated or submitted once, no look-up), and the same after the account holds 1,000 more
 *   customers; billable calls (brand and campaign registrations carried out) on a clean run and
 *   on one with lost answers, timeouts and 5xx injected.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

import { newSid } from "../sandbox/core/sid";
import type { SandboxState } from "../sandbox/core/store";
import { migrateDatabase } from "../scripts/db-migrate";
import type { SandboxAccount } from "../tests/support/sandbox-harness";

const LATENCY = Number(process.env.BENCH_LATENCY_MS ?? 200);
const MANY = Number(process.env.BENCH_MANY_CUSTOMERS ?? 100);
const EXISTING = Number(process.env.BENCH_EXISTING_CUSTOMERS ?? 1000);
const output = process.argv[2] ?? path.join(os.tmpdir(), "bench-provisioning.json");

/** The sandbox as its own process (`npm run sandbox`), its control API, and its state file. */
class SandboxProcess {
  readonly port = Number(process.env.BENCH_SANDBOX_PORT ?? 4410);
  readonly url = `http://127.0.0.1:${this.port}`;
  private child: ChildProcess | null = null;
  constructor(private readonly stateFile: string) {}

  async start() {
    this.child = spawn(process.execPath, ["--import", "tsx", "sandbox/main.ts"], {
      cwd: path.resolve(__dirname, ".."),
      env: {
        ...process.env,
        SANDBOX_PORT: String(this.port),
        SANDBOX_MODE: "test",
        SANDBOX_STATE_FILE: this.stateFile,
        // Reviews move only when the bench says so.
        SANDBOX_REVIEW_DELAY_SECONDS: "86400",
        SANDBOX_APPROVAL_DELAY_SECONDS: "86400",
        SANDBOX_BRAND_DELAY_SECONDS: "86400",
        SANDBOX_CAMPAIGN_DELAY_SECONDS: "86400",
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    for (let tries = 0; ; tries++) {
      const up = await fetch(`${this.url}/__sandbox/faults`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) return;
      if (tries > 200 || this.child.exitCode !== null) throw new Error("the sandbox did not start");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async control(method: "GET" | "POST", what: string, body?: unknown) {
    const response = await fetch(`${this.url}/__sandbox/${what}`, {
      method,
      headers: body ? { "Content-Type": "application/json" } : undefined,
      body: body ? JSON.stringify(body) : undefined,
    });
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown> & { accounts?: SandboxAccount[] },
    };
  }

  /** Stops it (it writes its state on the way out) and reads the state file. */
  async stopAndRead(): Promise<SandboxState> {
    const child = this.child!;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
    return JSON.parse(readFileSync(this.stateFile, "utf8")) as SandboxState;
  }
}

type Call = {
  method: string;
  path: string;
  status: number | null;
  step: string | null;
  endedAt: number;
  durationMs: number;
};

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "portal-bench-provisioning-"));
  Object.assign(process.env, {
    NODE_ENV: "test",
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? `file:${path.join(dir, "bench.db")}`,
    AUTH_SECRET: "bench-secret-that-is-long-enough-0123456789abcdef",
    APP_URL: "http://portal.bench",
    MAIL_OUTBOX_DIR: path.join(dir, "outbox"),
  });
  migrateDatabase(process.env.DATABASE_URL, { quiet: true });
  const twilio = (await import("twilio")).default;
  const { db } = await import("../lib/server/db");
  const { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN } = await import("../sandbox/defaults");
  Object.assign(process.env, { TWILIO_ACCOUNT_SID: DEFAULT_ACCOUNT_SID, TWILIO_AUTH_TOKEN: DEFAULT_AUTH_TOKEN });
  const { configureIsv, submittedApplication } = await import("../tests/support/provisioning");
  const { approveApplication } = await import("../lib/server/applications/approve-application");
  const { claimApplication, runClaimedJob } = await import("../lib/server/provisioning/worker");
  const { graphStep } = await import("../lib/server/provisioning/graph");
  const { TwilioHttpClient } = await import("../lib/server/twilio/http-client");
  const { organizationCredentials } = await import("../lib/server/twilio/account-credentials");
  const { syncStatuses } = await import("../lib/server/twilio-inbound/sync-statuses");
  const campaigns = await import("../lib/server/campaigns/campaign-registration");
  const { approveCampaign } = await import("../lib/server/campaigns/campaign-review");
  const { A2P_REQUEST_SPACING_MS } = await import("../lib/server/twilio/rate-slot");
  type Deps = import("../lib/server/provisioning/run-provisioning").ProvisioningDeps;

  // The sandbox in a process of its own, as Twilio is a server elsewhere: its work does not share
  // the pipeline's event loop (a state file lets the bench fill the account between runs).
  const stateFile = path.join(dir, "sandbox-state.json");
  const sandbox = new SandboxProcess(stateFile);
  await sandbox.start();
  await configureIsv();

  /** The pipeline's dependencies as the portal sets them, recording each call and the graph. */
  const depsFor = (calls: Call[], graph: Map<string, string[]>, concurrency?: number): Deps => ({
    accountFor: (organization) => {
      const { accountSid, authToken } = organizationCredentials(organization);
      const httpClient = new TwilioHttpClient(sandbox.url, {
        timeoutMs: 10_000,
        onCall: (call) => calls.push({ ...call, step: graphStep.getStore() ?? null, endedAt: performance.now() }),
      });
      return { sid: accountSid, sdk: twilio(accountSid, authToken, { httpClient }) };
    },
    retry: { attempts: 8, baseMs: 100, maxMs: 2000 },
    ...(concurrency ? { concurrency } : {}),
    brandSpacingMs: 1100,
    onStep: (step, deps) => void graph.set(step, deps),
  });

  const run = async (applicationId: string, deps: Deps) => {
    const worker = `bench-${applicationId}`;
    if ((await claimApplication(applicationId, worker)) !== "claimed") throw new Error(`${applicationId} not runnable`);
    const outcome = await runClaimedJob(applicationId, worker, deps);
    if (outcome.state !== "DONE") throw new Error(`${applicationId}: ${JSON.stringify(outcome)}`);
  };
  const recorded = (applicationId: string, step: string) =>
    db.twilioResource.findUniqueOrThrow({ where: { applicationId_step: { applicationId, step } } });

  /** Between the phases: Twilio approves the bundles and brand; the customer sends a campaign; staff approve it. */
  async function twilioApproves(applicationId: string) {
    for (const step of ["customer-profile", "trust-product"])
      await sandbox.control("POST", "advance", {
        sid: (await recorded(applicationId, step)).sid,
        outcome: "twilio-approved",
      });
    await sandbox.control("POST", "advance", {
      sid: (await recorded(applicationId, "brand")).sid,
      outcome: "APPROVED",
    });
  }
  async function campaignApproved(applicationId: string, staffId: string, name: string) {
    let registration = (await campaigns.openCampaignRegistration(applicationId))!;
    const draft = {
      usAppToPersonUsecase: "ACCOUNT_NOTIFICATION",
      description: `Order notifications for customers of ${name} who ordered online and asked for text updates.`,
      messageFlow:
        "Customers opt in on our website checkout form at https://shop.example/order by ticking a box. Message and data rates may apply. Message frequency varies. Reply HELP for help.",
      sample1: `${name}: your order [order number] is ready for pickup. Reply STOP to opt out.`,
      sample2: `${name}: your order [order number] has shipped and arrives on [date].`,
      hasEmbeddedLinks: false,
      hasEmbeddedPhone: false,
    };
    await campaigns.saveCampaignDraft(registration, { expectedVersion: registration.version, draft });
    registration = await db.campaignRegistration.findUniqueOrThrow({ where: { id: registration.id } });
    await campaigns.submitCampaign(registration, registration.version, staffId);
    const approved = await approveCampaign(registration.id, staffId, { acceptNewVettingFee: false });
    if (!approved.ok) throw new Error(`campaign not approved: ${JSON.stringify(approved)}`);
  }

  /** Customers through both phases at once; the time is the two phases' (Twilio's reviews between them are not the portal's). */
  let latency = 0;
  const setLatency = async (ms: number) => {
    latency = ms;
    await sandbox.control("POST", "latency", { ms });
  };
  async function provision(names: string[], concurrency?: number) {
    const calls: Call[] = [];
    const graph = new Map<string, string[]>();
    const deps = depsFor(calls, graph, concurrency);
    const customers = await Promise.all(names.map((name) => submittedApplication(name)));
    for (const { application, staff } of customers) await approveApplication(application.id, staff.id);
    const registrationStart = performance.now();
    let start = registrationStart;
    await Promise.all(customers.map(({ application }) => run(application.id, deps)));
    const registrationMs = performance.now() - start;
    const registrationGraph = new Map(graph);
    graph.clear();
    // Not measured: Twilio's reviews and the customers' campaigns, quickly (no added latency).
    await sandbox.control("POST", "latency", { ms: 0 });
    for (const { application } of customers) await twilioApproves(application.id);
    await syncStatuses({
      accountFor: (accountSid) => ({
        sid: accountSid,
        sdk: twilio(DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN, { httpClient: new TwilioHttpClient(sandbox.url) }),
      }),
      retry: { attempts: 2, baseMs: 5, maxMs: 10 },
      brandSpacingMs: 1,
    });
    for (const [i, { application, staff }] of customers.entries())
      await campaignApproved(application.id, staff.id, names[i]!);
    await sandbox.control("POST", "latency", { ms: latency });
    // Customers write campaigns and staff review them over minutes, not milliseconds: the
    // account's brand-and-campaign request slot, taken by the sync just now, is free again.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    start = performance.now();
    await Promise.all(customers.map(({ application }) => run(application.id, deps)));
    const campaignMs = performance.now() - start;
    return {
      ms: registrationMs + campaignMs,
      phases: { registrationMs: Math.round(registrationMs), campaignMs: Math.round(campaignMs) },
      timeline: calls.map(
        (call) =>
          `${Math.round(call.endedAt - call.durationMs - registrationStart)}+${Math.round(call.durationMs)} ${call.step}`,
      ),
      calls,
      graphs: [registrationGraph, new Map(graph)],
      applicationIds: customers.map(({ application }) => application.id),
    };
  }

  /**
   * The account's brand and campaign requests in the order sent, and the median time from one's
   * answer to the next one's send: the slot's own cost (decision 0019 spaces them 1.1 s apart).
   */
  const slotUse = (calls: Call[]) => {
    const sent = calls
      .filter((call) => /\/a2p\/BrandRegistrations|\/Compliance\/Usa2p/.test(call.path))
      .map((call) => ({ start: call.endedAt - call.durationMs, end: call.endedAt }))
      .sort((a, b) => a.start - b.start);
    const gaps = sent
      .slice(1)
      .map((call, i) => call.start - sent[i]!.end)
      .sort((a, b) => a - b);
    const first = Math.min(...calls.map((call) => call.endedAt - call.durationMs));
    return {
      count: sent.length,
      median_ms_from_answer_to_next_send: Math.round(gaps[gaps.length >> 1] ?? 0),
      // Where time over the floor goes: the gaps' spread, and how long before the first request.
      p90_ms_from_answer_to_next_send: Math.round(gaps[Math.floor(gaps.length * 0.9)] ?? 0),
      max_ms_from_answer_to_next_send: Math.round(Math.max(0, ...gaps.filter((gap) => gap < 10_000))),
      // (Gaps over 10 s are the pause between the two phases, not the slot's.)
      ms_over_spacing_in_all: Math.round(
        gaps.filter((gap) => gap < 10_000).reduce((sum, gap) => sum + Math.max(0, gap - A2P_REQUEST_SPACING_MS), 0),
      ),
      first_request_after_ms: Math.round((sent[0]?.start ?? first) - first),
    };
  };

  /** Longest chain of calls through a phase's graph: a step's calls after the longest of its dependencies'. */
  const longestChain = (graph: Map<string, string[]>, calls: Call[]) => {
    const weight = (step: string) => calls.filter((call) => call.step === step).length;
    const memo = new Map<string, number>();
    const chain = (step: string): number => {
      if (!memo.has(step)) memo.set(step, weight(step) + Math.max(0, ...(graph.get(step) ?? []).map(chain)));
      return memo.get(step)!;
    };
    return Math.max(0, ...[...graph.keys()].map(chain));
  };
  /** The steps of that chain, for the record (where the time goes). */
  const chainSteps = (graph: Map<string, string[]>, calls: Call[]) => {
    const weight = (step: string) => calls.filter((call) => call.step === step).length;
    const length = new Map<string, number>();
    const measure = (step: string): number => {
      if (!length.has(step)) length.set(step, weight(step) + Math.max(0, ...(graph.get(step) ?? []).map(measure)));
      return length.get(step)!;
    };
    let step = [...graph.keys()].sort((a, b) => measure(b) - measure(a))[0];
    const steps: string[] = [];
    while (step) {
      steps.unshift(`${step} (${weight(step)})`);
      step = (graph.get(step) ?? []).sort((a, b) => measure(b) - measure(a))[0];
    }
    return steps;
  };
  const writes = (calls: Call[]) => calls.filter((call) => call.method !== "GET");
  const billableCarriedOut = async (applicationId: string) => {
    const state = await sandbox.control("GET", "state");
    const account = state.body.accounts!.find((a) => a.sid === DEFAULT_ACCOUNT_SID)!;
    const trustProduct = await recorded(applicationId, "trust-product");
    const service = await recorded(applicationId, "messaging-service");
    return (
      account.resources.BrandRegistrations!.filter((brand) => brand.a2p_profile_bundle_sid === trustProduct.sid)
        .length + account.resources.Usa2p!.filter((campaign) => campaign.messaging_service_sid === service.sid).length
    );
  };
  const isBillable = (call: Call) =>
    call.method === "POST" &&
    (call.path === "/v1/a2p/BrandRegistrations" || /^\/v1\/Services\/[^/]+\/Compliance\/Usa2p$/.test(call.path));

  // The account's first customer creates its Event Streams sink: not a per-customer cost.
  await provision(["Warm-up Customer LLC"]);

  await setLatency(LATENCY);
  const pipeline = await provision(["Pipeline Customer LLC"]);
  const sequential = await provision(["Sequential Customer LLC"], 1);
  const criticalCalls = pipeline.graphs.reduce((sum, graph) => sum + longestChain(graph, pipeline.calls), 0);
  const many = await provision(Array.from({ length: MANY }, (_, i) => `Many Customer ${i + 1} LLC`));
  await setLatency(0);

  // Faults: a brand registration and a campaign carried out with their answers lost, a timeout,
  // a 5xx and a 429; the pipeline must find what was created and register nothing twice.
  for (const fault of [
    { method: "POST", path: "/v1/CustomerProfiles", status: 500 },
    { method: "POST", path: "/v1/EndUsers", status: "timeout-after" },
    { method: "POST", path: "/v1/a2p/BrandRegistrations", status: 429 },
    { method: "POST", path: "/v1/a2p/BrandRegistrations", status: "reset-after" },
    { method: "POST", path: "/v1/Services/*", status: "reset-after" },
  ])
    await sandbox.control("POST", "faults", { ...fault, times: 1 });
  const faulted = await provision(["Faulted Customer LLC"]);

  // 1,000 more customers' resources in the account (copies of one customer's, with SIDs of their own).
  const before = new Set(Object.keys((await sandbox.stopAndRead()).resources));
  await sandbox.start();
  const template = await provision(["Template Customer LLC"]);
  const state = await sandbox.stopAndRead();
  const own = Object.values(state.resources).filter((resource) => !before.has(resource.sid));
  for (let i = 0; i < EXISTING; i++)
    for (const resource of own) {
      const fields = structuredClone(resource.fields);
      if (typeof fields.friendly_name === "string") fields.friendly_name = `${fields.friendly_name} copy ${i}`;
      const sid = newSid(resource.sid.slice(0, 2) as never);
      state.resources[sid] = { ...resource, sid, fields };
    }
  writeFileSync(stateFile, JSON.stringify(state));
  const resourcesInAccount = Object.keys(state.resources).length;
  await sandbox.start();
  const crowded = await provision(["After Thousand Customer LLC"]);
  void template;

  const result = {
    provisioning: {
      latency_ms_per_call: LATENCY,
      pipeline_ms: Math.round(pipeline.ms),
      sequential_ms: Math.round(sequential.ms),
      critical_path_ms: criticalCalls * LATENCY,
      customers_at_once: MANY,
      many_customers_ms: Math.round(many.ms),
      many_customers: {
        customers: MANY,
        ms: Math.round(many.ms),
        rate_floor_ms: 2 * MANY * A2P_REQUEST_SPACING_MS,
      },
    },
    calls: {
      per_customer: pipeline.calls.length,
      minimum: writes(pipeline.calls).length,
      billable_minimum: pipeline.calls.filter(isBillable).length,
      after_faults_billable: await billableCarriedOut(faulted.applicationIds[0]!),
      per_customer_with_1000_existing: crowded.calls.length,
    },
    detail: {
      critical_path_calls: criticalCalls,
      pipeline_phases: pipeline.phases,
      pipeline_timeline: pipeline.timeline,
      critical_path: pipeline.graphs.map((graph) => chainSteps(graph, pipeline.calls).join(" → ")),
      sequential_calls: sequential.calls.length,
      many_customers_calls: many.calls.length,
      many_customers_phases: many.phases,
      many_customers_brand_and_campaign_requests: slotUse(many.calls),
      after_faults_calls: faulted.calls.length,
      existing_customers: EXISTING,
      resources_in_account: resourcesInAccount,
      reads_per_customer: pipeline.calls
        .filter((call) => call.method === "GET")
        .map((call) => `${call.step}: ${call.path}`),
      database: process.env.DATABASE_URL!.startsWith("file:") ? "sqlite" : "postgresql",
    },
  };
  writeFileSync(output, JSON.stringify(result, null, 2));
  console.info(JSON.stringify(result, null, 2));
  await sandbox.stopAndRead();
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
