import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Browser } from "@playwright/test";
import { Client } from "pg";

import { E2E } from "../e2e/support/e2e-env";
import { DEMO_STAFF, signIn } from "../e2e/support/fixtures";
import { callServerAction } from "../e2e/support/server-actions";
import { dropDatabase, recreateDatabase } from "../support/postgres-databases";

/**
 * #14 line 5: two portal instances (the production build, each with its job workers) on one
 * PostgreSQL and one sandbox. Staff approve 50 customers, half through each instance; one instance
 * is killed with SIGKILL while it holds provisioning jobs, and the other finishes them. Then: every
 * customer provisioned exactly once (one brand, one fee), and Twilio's one-brand-request-per-second
 * held across both instances, read from the sandbox's own request log.
 */
const CUSTOMERS = 50;
const root = path.resolve(__dirname, "../..");
const logs = path.join(tmpdir(), "portal-scale-out");
const base = process.env.TEST_POSTGRES_URL!;
const databaseName = `${new URL(base).pathname.slice(1) || "portal"}_scale_out`;
const sandboxPort = 4310;
const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
const instances = [
  { name: "a", port: 3310, child: undefined as ChildProcess | undefined },
  { name: "b", port: 3311, child: undefined as ChildProcess | undefined },
];
const urlOf = (port: number) => `http://127.0.0.1:${port}`;
let databaseUrl = "";
let sandbox: ChildProcess | undefined;

function start(name: string, command: string[], env: Record<string, string>): ChildProcess {
  const log = createWriteStream(path.join(logs, `${name}.log`));
  const child = spawn(command[0]!, command.slice(1), { cwd: root, env: { ...process.env, ...env } });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

async function waitFor(url: string, child?: ChildProcess, ms = 120_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (child && child.exitCode !== null) throw new Error(`${url}: its process exited (see ${logs})`);
    const ok = await fetch(url)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

async function sql<T>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

type LoggedRequest = { at: number; method: string; path: string; accountSid: string | null; status: number };
const brandCreates = async () =>
  ((await (await fetch(`${sandboxUrl}/__sandbox/requests`)).json()) as { requests: LoggedRequest[] }).requests.filter(
    (request) => request.method === "POST" && request.path === "/v1/a2p/BrandRegistrations",
  );

async function staffRequest(browser: Browser, port: number) {
  const context = await browser.newContext({ baseURL: urlOf(port) });
  const page = await context.newPage();
  await signIn(page, DEMO_STAFF);
  return { context, request: page.request };
}

test.beforeAll(async () => {
  mkdirSync(logs, { recursive: true });
  databaseUrl = await recreateDatabase(base, databaseName);
  sandbox = start("sandbox", [process.execPath, "--import", "tsx", "sandbox/main.ts"], {
    ...E2E.sandboxEnv,
    SANDBOX_PORT: String(sandboxPort),
  });
  await waitFor(`${sandboxUrl}/__sandbox/state`, sandbox);
});

test.afterAll(async () => {
  for (const child of [...instances.map((instance) => instance.child), sandbox]) child?.kill("SIGKILL");
  await dropDatabase(base, databaseName).catch(() => undefined);
});

test("two instances on one PostgreSQL provision 50 customers exactly once, one killed halfway", async ({ browser }) => {
  // A new, empty database: migrated and seeded as an operator would, then 50 waiting customers.
  const prepared = execFileSync(
    process.execPath,
    ["--import", "tsx", "tests/e2e-scale-out/prepare.ts", String(CUSTOMERS)],
    {
      cwd: root,
      encoding: "utf8",
      env: {
        ...process.env,
        NODE_ENV: "test",
        DATABASE_URL: databaseUrl,
        TWILIO_SANDBOX_URL: sandboxUrl,
        APP_URL: urlOf(instances[1]!.port),
      },
    },
  );
  const applicationIds = JSON.parse(prepared.trim().split("\n").pop()!) as string[];
  expect(applicationIds).toHaveLength(CUSTOMERS);

  // Two instances: the same build, database, secrets and sandbox; short leases so a dead
  // instance's work is taken over within seconds.
  for (const instance of instances) {
    instance.child = start(`portal-${instance.name}`, [process.execPath, "server.mjs"], {
      ...E2E.serverEnv,
      PORT: String(instance.port),
      APP_URL: urlOf(instance.port),
      DATABASE_URL: databaseUrl,
      TWILIO_SANDBOX_URL: sandboxUrl,
      // Mails are not what this test is about: none is sent (production allows no outbox folder).
      SMTP_URL: "",
      MAIL_OUTBOX_DIR: "",
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
      PROVISIONING_LEASE_MS: "4000",
      ACCOUNT_SLOT_LEASE_MS: "4000",
      PROVISIONING_SWEEP_SECONDS: "2",
      PROVISIONING_JOB_EXPIRE_SECONDS: "30",
      JOB_MAINTENANCE_SECONDS: "5",
      STATUS_SYNC_EVERY_SECONDS: "0",
    });
  }
  await Promise.all(instances.map((instance) => waitFor(`${urlOf(instance.port)}/api/ready`, instance.child)));

  // Staff approve the customers, half through each instance, as the browser posts the action.
  const staff = await Promise.all(instances.map((instance) => staffRequest(browser, instance.port)));
  const answers = await Promise.all(
    applicationIds.map((applicationId, index) =>
      callServerAction(staff[index % 2]!.request, "/staff", "approveApplicationAction", [{ applicationId }]),
    ),
  );
  for (const answer of answers) expect(answer).toContain('"ok":true');

  // Halfway, instance A dies where it stands, holding jobs.
  const [a, b] = instances;
  await expect
    .poll(async () => (await brandCreates()).length, { timeout: 180_000 })
    .toBeGreaterThanOrEqual(CUSTOMERS / 2);
  const held = await sql<{ lockedBy: string }>(`SELECT "lockedBy" FROM "ProvisioningJob" WHERE "lockedBy" IS NOT NULL`);
  a!.child!.kill("SIGKILL");
  const doneAtKill = await sql<{ count: string }>(`SELECT count(*) FROM "ProvisioningJob" WHERE state = 'DONE'`);
  expect(Number(doneAtKill[0]!.count)).toBeLessThan(CUSTOMERS);
  // Both instances were working (their workers' ids carry the process id).
  expect(held.some((job) => job.lockedBy.includes(`-${a!.child!.pid}-`))).toBe(true);

  // B finishes everything, A's half-done jobs included.
  await expect
    .poll(
      async () =>
        (await sql<{ count: string }>(`SELECT count(*) FROM "ProvisioningJob" WHERE state = 'DONE'`))[0]!.count,
      {
        timeout: 300_000,
        intervals: [1000],
      },
    )
    .toBe(String(CUSTOMERS));
  expect(b!.child!.exitCode).toBeNull();

  // Exactly once: one brand per customer at Twilio, one brand fee each, one of each bundle.
  const state = (await (await fetch(`${sandboxUrl}/__sandbox/state`)).json()) as {
    accounts: {
      resources: Record<string, { sid: string; friendly_name?: string; a2p_profile_bundle_sid?: string }[]>;
      fees: { type: string; resourceSid: string }[];
    }[];
  };
  const brands = state.accounts.flatMap((account) => account.resources.BrandRegistrations!);
  const fees = state.accounts.flatMap((account) => account.fees).filter((fee) => fee.type === "brand_registration");
  expect(brands).toHaveLength(CUSTOMERS);
  expect(new Set(brands.map((brand) => brand.a2p_profile_bundle_sid)).size).toBe(CUSTOMERS);
  expect(fees).toHaveLength(CUSTOMERS);
  expect(new Set(fees.map((fee) => fee.resourceSid)).size).toBe(CUSTOMERS);
  const recorded = await sql<{ applicationId: string; count: string }>(
    `SELECT "applicationId", count(*) FROM "TwilioResource" WHERE step = 'brand' GROUP BY "applicationId"`,
  );
  expect(recorded).toHaveLength(CUSTOMERS);
  expect(recorded.every((row) => row.count === "1")).toBe(true);

  // One brand request per second per account, across both instances: from the sandbox's log, no
  // two brand creations in one account less than a second apart, and none refused with 429.
  const creates = await brandCreates();
  expect(creates.filter((request) => request.status === 429)).toHaveLength(0);
  for (const account of new Set(creates.map((request) => request.accountSid))) {
    const times = creates
      .filter((request) => request.accountSid === account)
      .map((request) => request.at)
      .sort((x, y) => x - y);
    const gaps = times.slice(1).map((time, index) => time - times[index]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000);
  }
  await Promise.all(staff.map((member) => member.context.close()));
});
