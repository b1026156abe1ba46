import { execFile } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/server/db";
import { checkTwilioSetup, formatSetupReport } from "@/lib/server/operations/twilio-setup-check";
import type { TwilioCallRecord } from "@/lib/server/twilio/http-client";
import { readOnlyTwilioAccount } from "@/lib/server/twilio/read-only-client";
import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN, PRIMARY_CUSTOMER_PROFILE_SID } from "@/sandbox/defaults";

import { startTestSandbox, type TestSandbox } from "../support/sandbox-harness";

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

function readOnly(calls: TwilioCallRecord[], token = DEFAULT_AUTH_TOKEN) {
  return readOnlyTwilioAccount({ accountSid: DEFAULT_ACCOUNT_SID, authToken: token }, sandbox.url, (call) =>
    calls.push(call),
  );
}

const ready = {
  accountSid: DEFAULT_ACCOUNT_SID,
  primaryCustomerProfileSid: PRIMARY_CUSTOMER_PROFILE_SID,
  publicBaseUrl: "https://portal.isv.example",
  live: true,
};

describe("npm run twilio:check", () => {
  it("reports a ready setup with GET requests only: account, policies, primary profile, brands, sinks", async () => {
    const calls: TwilioCallRecord[] = [];
    const report = await checkTwilioSetup(readOnly(calls), ready);
    expect(report.lines.map((line) => [line.what, line.ok])).toEqual([
      ["Account", true],
      ["Trust Hub policies", true],
      ["Primary Customer Profile", true],
      ["Brands", true],
      ["Public URL", true],
      ["Event Streams", true],
    ]);
    expect(report.ready).toBe(true);
    expect(calls.length).toBeGreaterThanOrEqual(5);
    expect(calls.every((call) => call.method === "GET")).toBe(true);
    expect(formatSetupReport(report, "live")).toMatch(/Ready to provision customers\.$/);
  });

  it("says what is missing: no primary profile, a local URL for live Twilio, credentials Twilio refuses", async () => {
    const report = await checkTwilioSetup(readOnly([]), {
      ...ready,
      primaryCustomerProfileSid: null,
      publicBaseUrl: "http://localhost:3000",
    });
    expect(report.ready).toBe(false);
    const text = formatSetupReport(report, "live");
    expect(text).toMatch(/MISSING {2}Primary Customer Profile: Not set/);
    expect(text).toMatch(/MISSING {2}Public URL: http:\/\/localhost:3000 cannot be reached by Twilio/);
    const refused = await checkTwilioSetup(readOnly([], "0".repeat(32)), ready);
    expect(refused.lines[0]).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/refused these credentials \(20003\)/),
    });
  });

  it("can never create anything: a create through its client is refused before it leaves", async () => {
    const calls: TwilioCallRecord[] = [];
    const client = readOnly(calls).sdk;
    await expect(client.messaging.v1.services.create({ friendlyName: "should not exist" })).rejects.toThrow(
      /read-only requests; refused POST/,
    );
    expect(calls).toEqual([]);
    expect(await sandbox.client().messaging.v1.services.list()).toEqual([]);
  });

  it("the command prints the report and exits 0 when ready, 1 when not", async () => {
    await db.isvSettings.upsert({
      where: { id: 1 },
      create: {
        id: 1,
        primaryCustomerProfileSid: PRIMARY_CUSTOMER_PROFILE_SID,
        publicBaseUrl: "http://127.0.0.1:3000",
      },
      update: { primaryCustomerProfileSid: PRIMARY_CUSTOMER_PROFILE_SID, publicBaseUrl: "http://127.0.0.1:3000" },
    });
    // Asynchronously: the sandbox answering it runs in this process.
    const run = () =>
      new Promise<{ stdout: string; status: number | null }>((resolve) => {
        const child = execFile(
          process.execPath,
          ["--conditions=react-server", "--import", "tsx", "scripts/twilio-check.ts"],
          {
            encoding: "utf8",
            env: {
              ...process.env,
              TWILIO_ACCOUNT_SID: DEFAULT_ACCOUNT_SID,
              TWILIO_AUTH_TOKEN: DEFAULT_AUTH_TOKEN,
              TWILIO_SANDBOX_URL: sandbox.url,
            },
            timeout: 60_000,
          },
          (_error, stdout) => resolve({ stdout, status: child.exitCode }),
        );
      });
    const good = await run();
    expect(good.stdout).toMatch(/Twilio setup \(sandbox at http:\/\/127\.0\.0\.1:\d+\), read-only calls only:/);
    expect(good.stdout).toMatch(/ready +Primary Customer Profile: BU0+a11e is twilio-approved\./);
    expect(good.stdout).not.toContain(DEFAULT_AUTH_TOKEN);
    expect(good.status).toBe(0);
    await db.isvSettings.update({ where: { id: 1 }, data: { primaryCustomerProfileSid: null } });
    const missing = await run();
    expect(missing.stdout).toMatch(/Not ready: fix the lines marked MISSING\./);
    expect(missing.status).toBe(1);
  });
});
