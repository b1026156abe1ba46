import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { db } from "@/lib/server/db";
import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN } from "@/sandbox/defaults";

import { configureIsv, submittedApplication } from "../support/provisioning";
import { startTestSandbox, type TestSandbox } from "../support/sandbox-harness";

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  Object.assign(process.env, {
    TWILIO_ACCOUNT_SID: DEFAULT_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: DEFAULT_AUTH_TOKEN,
    TWILIO_SANDBOX_URL: sandbox.url,
  });
  await configureIsv();
});
afterAll(() => sandbox.close());

describe("the audit log", () => {
  it("records every Twilio call of the portal's pipeline (method, path, status, code, duration) and no personal data", async () => {
    const { portalProvisioningDeps } = await import("@/lib/server/provisioning/portal-deps");
    const { approveApplication } = await import("@/lib/server/applications/approve-application");
    const { runProvisioning } = await import("@/lib/server/provisioning/run-provisioning");
    const { organization, application, staff } = await submittedApplication("Audited Co");
    await approveApplication(application.id, staff.id);
    await sandbox.control("POST", "faults", { method: "POST", path: "/v1/EndUsers", status: 503, times: 1 });
    expect(
      await runProvisioning(application.id, {
        ...portalProvisioningDeps(),
        retry: { attempts: 5, baseMs: 10, maxMs: 50 },
      }),
    ).toEqual({ state: "DONE" });
    type CallMetadata = {
      method: string;
      path: string;
      status: number | null;
      code: number | null;
      durationMs: number;
    };
    const recorded = async () =>
      (await db.auditLog.findMany({ where: { organizationId: organization.id, action: "twilio.call" } })).map(
        (call) => call.metadata as CallMetadata,
      );
    // The rows are written beside the calls, not awaited by them (an audit write never slows or
    // fails a Twilio call): wait for the brand creation's row, up to 10 s on a busy machine.
    const metadata = await vi.waitFor(
      async () => {
        const rows = await recorded();
        if (!rows.some((m) => m.path === "/v1/a2p/BrandRegistrations")) throw new Error("no brand row yet");
        return rows;
      },
      { timeout: 10_000, interval: 100 },
    );
    expect(
      metadata.some((m) => m.method === "POST" && m.path === "/v1/a2p/BrandRegistrations" && m.status === 201),
    ).toBe(true);
    expect(
      metadata.some((m) => m.method === "POST" && m.path === "/v1/EndUsers" && m.status === 503 && m.code === 20503),
    ).toBe(true);
    expect(metadata.every((m) => typeof m.durationMs === "number")).toBe(true);
    const text = JSON.stringify(metadata);
    for (const personal of ["jdoe@example.com", "Jane", "+12225557890", "1234 Market St"])
      expect(text).not.toContain(personal);

    const staffActions = await db.auditLog.findMany({
      where: { organizationId: organization.id, actorUserId: staff.id },
    });
    expect(staffActions.map((entry) => entry.action)).toContain("application.approved");
  });
});
