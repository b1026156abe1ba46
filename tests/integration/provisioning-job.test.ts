import { describe, expect, it } from "vitest";

import { approveApplication } from "@/lib/server/applications/approve-application";
import { db } from "@/lib/server/db";
import { finishRun, nextPhase, phaseRequest, requestPhase } from "@/lib/server/provisioning/job";

import { submittedApplication } from "../support/provisioning";

/**
 * #24 line 3: the provisioning job has one owner (lib/server/provisioning/job.ts), and what its
 * copies of the "queue the job" block got wrong is fixed: an approval that arrives while the job
 * runs is queued as its next phase, never lost when the run marks the job DONE.
 */
const job = (applicationId: string) => db.provisioningJob.findUniqueOrThrow({ where: { applicationId } });

describe("an approval while the job runs", () => {
  it("an application approved during a campaign run is queued as the next phase, not lost when the run ends", async () => {
    const { application, organization, staff } = await submittedApplication("Late Approval LLC");
    // The customer's fix is approved while the job runs its campaign phase.
    await db.provisioningJob.create({ data: { applicationId: application.id, state: "RUNNING", phase: "campaign" } });
    expect(await approveApplication(application.id, staff.id)).toEqual({ ok: true, started: true });
    expect(await job(application.id)).toMatchObject({
      state: "RUNNING",
      phase: "campaign",
      pendingPhases: "registration",
    });
    // The run ends well: the registration runs next (before, the run's DONE overwrote the approval).
    expect(await finishRun(application.id, organization.id, "campaign")).toBe(true);
    expect(await job(application.id)).toMatchObject({ state: "QUEUED", phase: "registration", pendingPhases: "" });
    // That run ends with nothing more asked: DONE.
    await db.provisioningJob.update({ where: { applicationId: application.id }, data: { state: "RUNNING" } });
    expect(await finishRun(application.id, organization.id, "registration")).toBe(false);
    expect(await job(application.id)).toMatchObject({ state: "DONE", pendingPhases: "" });
  });

  it("a campaign approved while the registration is queued runs after it; a failure an approval clears starts afresh", async () => {
    const { application, organization } = await submittedApplication("Two Phases LLC");
    await db.provisioningJob.create({
      data: { applicationId: application.id, state: "QUEUED", phase: "registration" },
    });
    expect(await db.$transaction((tx) => requestPhase(tx, application.id, "campaign", { clearsFailure: true }))).toBe(
      "queued",
    );
    expect(await job(application.id)).toMatchObject({ phase: "registration", pendingPhases: "campaign" });
    await db.provisioningJob.update({ where: { applicationId: application.id }, data: { state: "RUNNING" } });
    await finishRun(application.id, organization.id, "registration");
    expect(await job(application.id)).toMatchObject({ state: "QUEUED", phase: "campaign", pendingPhases: "" });

    await db.provisioningJob.update({
      where: { applicationId: application.id },
      data: { state: "FAILED", lastError: "campaign: refused", lastErrorCode: 21701 },
    });
    expect(await db.$transaction((tx) => requestPhase(tx, application.id, "campaign", { clearsFailure: true }))).toBe(
      "queued",
    );
    expect(await job(application.id)).toMatchObject({ state: "QUEUED", lastError: null, lastErrorCode: null });
  });
});

describe("the job's phase rules (pure)", () => {
  const running = { state: "RUNNING" as const, phase: "campaign", pendingPhases: "" };

  it("keeps a phase asked during a run, once, in phase order", () => {
    expect(phaseRequest(running, "voice", false)).toEqual({
      outcome: "queued-next",
      data: { pendingPhases: "voice" },
    });
    expect(phaseRequest({ ...running, pendingPhases: "voice" }, "registration", true).data).toEqual({
      pendingPhases: "registration,voice",
    });
    expect(phaseRequest({ ...running, pendingPhases: "voice" }, "voice", false)).toEqual({
      outcome: "queued-next",
      data: null,
    });
  });

  it("never lets a request that does not clear failures take a FAILED job's error away", () => {
    const failed = { state: "FAILED" as const, phase: "registration", pendingPhases: "" };
    expect(phaseRequest(failed, "voice", false)).toEqual({
      outcome: "after-failure",
      data: { pendingPhases: "voice" },
    });
    expect(phaseRequest(failed, "registration", true).data).toMatchObject({ state: "QUEUED", lastError: null });
  });

  it("runs next the earliest pending phase, the phase a request switched to, or voice for unassigned numbers", () => {
    expect(
      nextPhase({ state: "RUNNING", phase: "registration", pendingPhases: "voice,campaign" }, "registration", false),
    ).toBe("campaign");
    expect(nextPhase({ state: "RUNNING", phase: "registration", pendingPhases: "" }, "campaign", false)).toBe(
      "registration",
    );
    expect(nextPhase({ state: "RUNNING", phase: "campaign", pendingPhases: "" }, "campaign", true)).toBe("voice");
    expect(nextPhase({ state: "RUNNING", phase: "voice", pendingPhases: "" }, "voice", true)).toBeNull();
    expect(nextPhase(running, "campaign", false)).toBeNull();
  });
});
