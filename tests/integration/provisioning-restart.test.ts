import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { approveApplication } from "@/lib/server/applications/approve-application";
import { db } from "@/lib/server/db";
import { drainJobs } from "@/lib/server/provisioning/worker";

import { configureIsv, sandboxResourcesFor, submittedApplication, testDeps } from "../support/provisioning";
import { startTestSandbox, type TestSandbox } from "../support/sandbox-harness";
import { startWorkerProcess } from "../support/worker-process";

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  await configureIsv();
});
afterAll(() => sandbox.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a worker killed mid-provisioning", () => {
  it("is resumed by another worker without duplicates", async () => {
    const { application, staff } = await submittedApplication("Crash Test Corp");
    expect(await approveApplication(application.id, staff.id)).toMatchObject({ ok: true, started: true });
    // Slow the trust product's assignments down so the kill lands mid-way.
    await sandbox.control("POST", "faults", { method: "POST", path: "/v1/TrustProducts/*", status: 503, times: 4 });

    const worker = startWorkerProcess(sandbox.url);

    // Wait until it has created a few resources, then kill it without warning.
    const deadline = Date.now() + 20_000;
    while ((await db.twilioResource.count({ where: { applicationId: application.id } })) < 4) {
      if (Date.now() > deadline) throw new Error(`the worker made no progress:\n${worker.output()}`);
      await sleep(50);
    }
    await worker.kill();
    const job = await db.provisioningJob.findUniqueOrThrow({ where: { applicationId: application.id } });
    expect(job.state).not.toBe("DONE");
    expect(job.lockedBy).not.toBeNull();

    // Its lease runs out; another worker claims the job and finishes it.
    await sleep(1600);
    const ran = await drainJobs(testDeps(sandbox));
    expect(ran.find((run) => run.applicationId === application.id)?.outcome).toEqual({ state: "DONE" });
    const found = await sandboxResourcesFor(sandbox, "Crash Test Corp");
    expect([
      found.profiles.length,
      found.products.length,
      found.brands.length,
      found.services.length,
      found.brandFees.length,
    ]).toEqual([1, 1, 1, 1, 1]);
    expect(found.endUsers).toHaveLength(3);
  }, 60_000);
});

describe("brand creation across applications", () => {
  it("two applications provisioned at once on one account never see Twilio's 429", async () => {
    const calls: { status: number | null }[] = [];
    const first = await submittedApplication("Rate One Inc.");
    const second = await submittedApplication("Rate Two Inc.");
    await approveApplication(first.application.id, first.staff.id);
    await approveApplication(second.application.id, second.staff.id);
    const { runProvisioning } = await import("@/lib/server/provisioning/run-provisioning");
    const outcomes = await Promise.all([
      runProvisioning(first.application.id, testDeps(sandbox, calls as never)),
      runProvisioning(second.application.id, testDeps(sandbox, calls as never)),
    ]);
    expect(outcomes).toEqual([{ state: "DONE" }, { state: "DONE" }]);
    expect(calls.filter((call) => call.status === 429)).toEqual([]);
    for (const name of ["Rate One Inc.", "Rate Two Inc."])
      expect((await sandboxResourcesFor(sandbox, name)).brands).toHaveLength(1);
  }, 60_000);
});

describe("fencing: a worker that lost its lease", () => {
  it("stops before the brand create when another worker took the job mid-run: one brand, one fee", async () => {
    const { claimJob, runClaimedJob } = await import("@/lib/server/provisioning/worker");
    const { application, staff } = await submittedApplication("Fenced Off Co");
    await approveApplication(application.id, staff.id);
    expect(await claimJob("worker-a")).toBe(application.id);

    // Just before worker A's brand create, its lease runs out and worker B claims the job (as after
    // a long pause of A's process): simulated in the database, where the claim lives.
    const takeOver = async (step: string) => {
      if (step !== "brand") return;
      await db.provisioningJob.update({
        where: { applicationId: application.id },
        data: { lockedUntil: new Date(Date.now() - 1) },
      });
      expect(await claimJob("worker-b")).toBe(application.id);
    };
    const outcomeA = await runClaimedJob(application.id, "worker-a", { ...testDeps(sandbox), onStep: takeOver });
    expect(outcomeA).toEqual({ state: "LEASE_LOST" });
    expect((await sandboxResourcesFor(sandbox, "Fenced Off Co")).brands).toHaveLength(0);
    // A wrote nothing to the job: B still holds it, and it is not marked done or failed.
    const held = await db.provisioningJob.findUniqueOrThrow({ where: { applicationId: application.id } });
    expect(held).toMatchObject({ lockedBy: "worker-b", state: "RUNNING" });

    expect(await runClaimedJob(application.id, "worker-b", testDeps(sandbox))).toEqual({ state: "DONE" });
    const found = await sandboxResourcesFor(sandbox, "Fenced Off Co");
    expect([found.profiles.length, found.products.length, found.brands.length, found.brandFees.length]).toEqual([
      1, 1, 1, 1,
    ]);
  }, 60_000);
});
