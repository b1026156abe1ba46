import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, copyFileSync, existsSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import Database from "better-sqlite3";

import { rawRequest, withHealthWatch, type RawAnswer } from "../e2e/support/raw-http";
import { ACME } from "../support/acme";

/**
 * `npm run dev` as a developer runs it, twice at once on other ports, opened at 127.0.0.1 rather
 * than localhost: each portal hydrates (its hot-reload socket connects), signs the demo logins in,
 * and provisions against its own sandbox, with callbacks aimed at its own port. Nothing but PORT,
 * SANDBOX_PORT and where to keep files is given: the addresses must follow the ports.
 */
const root = path.resolve(__dirname, "../..");
type Instance = {
  name: string;
  port: number;
  sandboxPort: number;
  checkout: string;
  database: string;
  child?: ChildProcess;
  log: string;
};
const instances: Instance[] = [
  {
    name: "a",
    port: 3200,
    sandboxPort: 4210,
    database: "",
    checkout: path.join(tmpdir(), "portal-dev-a", "checkout"),
    log: "",
  },
  {
    name: "b",
    port: 3201,
    sandboxPort: 4211,
    database: "",
    checkout: path.join(tmpdir(), "portal-dev-b", "checkout"),
    log: "",
  },
];
// Outside the project: the development server reloads the page when a file under it changes.
for (const instance of instances) instance.database = path.join(tmpdir(), `portal-dev-${instance.name}`, "portal.db");

const DEMO_STAFF = { email: "staff@example.com", password: "staff-demo-pass" };
const DEMO_CUSTOMER = { email: "owner@acme.example", password: "customer-demo-pass" };

/**
 * A fresh checkout of this project (its files; node_modules hard-linked), as a developer has it.
 * Not this working copy: its build output and test artifacts change while the tests run, and the
 * development server reloads its open pages on such changes.
 */
function freshCheckout(target: string) {
  const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard"], { cwd: root, encoding: "utf8" })
    .split("\n")
    .filter((file) => file && !file.startsWith("tests/.tmp/") && existsSync(path.join(root, file)));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    copyFileSync(path.join(root, file), path.join(target, file));
  }
  // Hard links where the temporary folder shares the project's file system (fast), a copy otherwise.
  try {
    execFileSync("cp", ["-al", path.join(root, "node_modules"), path.join(target, "node_modules")]);
  } catch {
    rmSync(path.join(target, "node_modules"), { recursive: true, force: true });
    execFileSync("cp", ["-a", path.join(root, "node_modules"), path.join(target, "node_modules")]);
  }
}

function start(instance: Instance) {
  rmSync(path.dirname(instance.database), { recursive: true, force: true });
  freshCheckout(instance.checkout);
  const child = spawn("npm", ["run", "dev"], {
    cwd: instance.checkout,
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "development",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(instance.port),
      SANDBOX_PORT: String(instance.sandboxPort),
      DATABASE_URL: `file:${instance.database}`,
      SANDBOX_STATE_FILE: "",
    },
  });
  const logFile = path.join(path.dirname(instance.database), "server.log");
  mkdirSync(path.dirname(logFile), { recursive: true });
  const keep = (chunk: Buffer) => {
    instance.log += chunk;
    appendFileSync(logFile, chunk);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  instance.child = child;
}

async function waitUntilUp(instance: Instance) {
  await expect
    .poll(
      async () => {
        try {
          return (await fetch(`http://127.0.0.1:${instance.port}/api/health`)).status;
        } catch {
          return 0;
        }
      },
      {
        timeout: 240_000,
        intervals: [2_000],
        message: `dev server ${instance.name} answers (its log: ${path.dirname(instance.database)}/server.log)`,
      },
    )
    .toBe(200);
}

async function signInHydrated(page: Page, instance: Instance, who: { email: string; password: string }) {
  const sockets: string[] = [];
  const blocked: string[] = [];
  page.on("websocket", (socket) => sockets.push(socket.url()));
  page.on("console", (message) => {
    if (/cross-origin|Blocked|failed to connect/i.test(message.text())) blocked.push(message.text());
  });
  await page.goto(`http://127.0.0.1:${instance.port}/sign-in`, { timeout: 180_000 });
  // Hydrated: the dev server's hot-reload socket connected from 127.0.0.1.
  await expect
    .poll(() => sockets.some((url) => url.includes(`127.0.0.1:${instance.port}/_next/`)), { timeout: 120_000 })
    .toBe(true);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 180_000 });
  expect(blocked).toEqual([]);
}

/** The demo application filled with the seeds' Acme, Inc. and sent for review (test set-up). */
function submitDemoApplication(instance: Instance): string {
  const db = new Database(instance.database);
  try {
    const { id } = db
      .prepare(
        'SELECT a.id FROM "OnboardingApplication" a JOIN "User" u ON u.organizationId = a.organizationId WHERE u.email = ?',
      )
      .get(DEMO_CUSTOMER.email) as { id: string };
    db.prepare(
      `UPDATE "OnboardingApplication" SET draft = ?, status = 'SUBMITTED', submittedAt = ?, version = version + 1 WHERE id = ?`,
    ).run(
      JSON.stringify({ ...ACME, business: { ...ACME.business, businessName: `Acme ${instance.name}` } }),
      Date.now(),
      id,
    );
    return id;
  } finally {
    db.close();
  }
}

function applicationStatus(instance: Instance, applicationId: string): string {
  const db = new Database(instance.database, { readonly: true });
  try {
    return (
      db.prepare('SELECT status FROM "OnboardingApplication" WHERE id = ?').get(applicationId) as { status: string }
    ).status;
  } finally {
    db.close();
  }
}

type SandboxState = {
  accounts: { resources: { CustomerProfiles: { sid: string; status_callback: string | null }[] } }[];
};
/** The status callbacks of the customer profiles the portal created in this sandbox (the seeded primary has none). */
const profileCallbacks = async (instance: Instance) => {
  const state = (await (
    await fetch(`http://127.0.0.1:${instance.sandboxPort}/__sandbox/state`)
  ).json()) as SandboxState;
  return state.accounts
    .flatMap((account) => account.resources.CustomerProfiles)
    .map((profile) => profile.status_callback)
    .filter((callback): callback is string => !!callback);
};

test.afterAll(() => {
  for (const instance of instances) if (instance.child?.pid) process.kill(-instance.child.pid, "SIGTERM");
});

test("two npm run dev at once, opened at 127.0.0.1: both hydrate, sign in, and provision against their own sandbox", async ({
  browser,
}) => {
  test.setTimeout(600_000);
  for (const instance of instances) start(instance);
  for (const instance of instances) await waitUntilUp(instance);

  // The customer demo login on one, the staff login on both.
  const customer = await (await browser.newContext()).newPage();
  await signInHydrated(customer, instances[1]!, DEMO_CUSTOMER);
  await expect(customer).toHaveURL(/\/home$/);

  for (const instance of instances) {
    const applicationId = submitDemoApplication(instance);
    const staff = await (await browser.newContext()).newPage();
    await signInHydrated(staff, instance, DEMO_STAFF);
    await staff.goto(`http://127.0.0.1:${instance.port}/staff/applications/${applicationId}`, { timeout: 180_000 });
    // A development server compiles the page on first load: a click before it hydrates does nothing,
    // so click until the application is approved (approval is exactly-once, a second click is harmless).
    // The confirmation text is not waited for: the refreshed page replaces the decision card.
    await expect
      .poll(
        async () => {
          const approve = staff.getByRole("button", { name: "Approve and provision" });
          if (await approve.isVisible()) await approve.click({ timeout: 10_000 }).catch(() => undefined);
          return applicationStatus(instance, applicationId);
        },
        { timeout: 120_000, intervals: [3_000] },
      )
      .toBe("APPROVED");

    // Its own sandbox holds its customer profile, with callbacks to its own port.
    await expect
      .poll(async () => (await profileCallbacks(instance)).length, {
        timeout: 120_000,
        message: `a customer profile in sandbox ${instance.name} (the portal's log: ${path.dirname(instance.database)}/server.log)`,
      })
      .toBeGreaterThan(0);
    for (const callback of await profileCallbacks(instance))
      expect(callback).toBe(`http://localhost:${instance.port}/api/twilio/status-callback`);
  }
  // The dev server's log never shows what was typed into a server action (Next.js logs every
  // call with its arguments unless told not to). The seed's own line naming the demo logins aside.
  for (const instance of instances) {
    const log = instance.log
      .split("\n")
      .filter((line) => !line.includes("[seed] demo logins ready"))
      .join("\n");
    expect(log).toContain("POST /sign-in");
    expect(log).not.toContain(DEMO_STAFF.password);
    expect(log).not.toContain(DEMO_CUSTOMER.password);
    expect(log).not.toMatch(/signInWithPassword\(/);
  }
});

test("npm run dev refuses abuse cheaply: oversized webhook bodies within a second, health within 500 ms, long Auth.js paths do not stall it (#26)", async () => {
  test.setTimeout(400_000);
  const instance = instances[0]!;
  if (!instance.child) {
    start(instance);
    await waitUntilUp(instance);
  }
  // One development server, as a developer runs it: the second one of the test before is stopped
  // so that its compiler does not share this machine's two cores with the measurement.
  for (const other of instances.slice(1))
    if (other.child?.pid) {
      process.kill(-other.child.pid, "SIGTERM");
      other.child = undefined;
    }
  // scripts/dev.ts asks the public routes once as soon as the portal is up, so they are compiled.
  await expect.poll(() => instance.log.includes("[dev] public routes compiled"), { timeout: 240_000 }).toBe(true);
  const baseUrl = `http://127.0.0.1:${instance.port}`;
  const json = { "content-type": "application/json" };
  const batch = JSON.stringify(
    Array.from({ length: 20_000 }, (_, index) => ({
      type: "com.twilio.messaging.compliance.brand-registration.brand-registered",
      data: { accountsid: `AC${index.toString(16).padStart(32, "0")}` },
    })),
  );
  const cases: [string, () => Promise<RawAnswer[]>][] = [
    [
      "3 MB unsigned Event Streams batch",
      async () => [
        await rawRequest({
          baseUrl,
          method: "POST",
          path: "/api/twilio/events?bodySHA256=x",
          headers: json,
          body: batch,
        }),
      ],
    ],
    [
      "20 MB to /api/twilio/events",
      async () => [
        await rawRequest({
          baseUrl,
          method: "POST",
          path: "/api/twilio/events",
          headers: json,
          bytes: 20 * 1024 * 1024,
        }),
      ],
    ],
    [
      "20 MB to /api/twilio/status-callback",
      async () => [
        await rawRequest({
          baseUrl,
          method: "POST",
          path: "/api/twilio/status-callback",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          bytes: 20 * 1024 * 1024,
        }),
      ],
    ],
    [
      "twenty 15,500-character unknown Auth.js paths at once",
      () =>
        Promise.all(
          Array.from({ length: 20 }, () =>
            rawRequest({ baseUrl, method: "GET", path: `/api/auth/${"a".repeat(15_500)}` }),
          ),
        ),
    ],
  ];
  const rows = [];
  for (const [name, send] of cases) {
    // Once untimed: a development server does work of its own on a route's first requests.
    await send();
    const { result, healthMs } = await withHealthWatch(send, baseUrl);
    const slowest = Math.max(...result.map((answer) => answer.ms));
    rows.push({
      case: name,
      statuses: [...new Set(result.map((a) => a.status))].join(","),
      "slowest ms": Math.round(slowest),
      "health ms": Math.round(healthMs),
    });
  }
  console.info("\nnpm run dev under abuse: answers, and the slowest /api/health beside each");
  console.table(rows);
  for (const row of rows) {
    for (const status of row.statuses.split(",")) expect([400, 403, 404, 413], row.case).toContain(Number(status));
    expect(row["slowest ms"], row.case).toBeLessThan(1000);
    expect(row["health ms"], row.case).toBeLessThan(500);
  }
});
