import "server-only";

import { audit } from "../audit/audit";
import { refreshDashboardRow } from "../dashboard/refresh-dashboard-row";
import { db } from "../db";
import { enqueueProvisioning } from "../jobs/enqueue";
import { requestPhase } from "../provisioning/job";
import { emitWebhookEvent } from "../webhooks/emit-event";

export type ApproveOutcome = { ok: true; started: boolean } | { ok: false; message: string };

/**
 * Staff approval: SUBMITTED → APPROVED and a provisioning job queued, in one transaction. The
 * conditional update lets exactly one of two simultaneous approvals through; the job is unique per
 * application, so a second approval after a customer fix re-queues the same job (same resources);
 * one that arrives while the job runs another phase runs right after it (job.ts).
 */
export async function approveApplication(applicationId: string, staffUserId: string): Promise<ApproveOutcome> {
  const outcome = await db.$transaction(async (tx) => {
    const now = new Date();
    const approved = await tx.onboardingApplication.updateMany({
      where: { id: applicationId, status: "SUBMITTED" },
      data: { status: "APPROVED", approvedAt: now, version: { increment: 1 } },
    });
    if (approved.count !== 1) {
      const current = await tx.onboardingApplication.findUnique({ where: { id: applicationId } });
      if (current?.status === "APPROVED") return { ok: true as const, started: false };
      return { ok: false as const, message: "This application is not waiting for review." };
    }
    const application = await tx.onboardingApplication.findUniqueOrThrow({ where: { id: applicationId } });
    // Queued now, or after the phase that runs now (never lost when that run finishes).
    await requestPhase(tx, applicationId, "registration", { clearsFailure: true });
    await tx.reviewComment.updateMany({ where: { applicationId, resolvedAt: null }, data: { resolvedAt: now } });
    await audit(tx, {
      actorUserId: staffUserId,
      action: "application.approved",
      targetType: "OnboardingApplication",
      targetId: applicationId,
      organizationId: application.organizationId,
    });
    return { ok: true as const, started: true };
  });
  if (outcome.ok && outcome.started) {
    await refreshDashboardRow(applicationId);
    const approved = await db.onboardingApplication.findUnique({
      where: { id: applicationId },
      select: { organizationId: true },
    });
    if (approved) await emitWebhookEvent("application.approved", approved.organizationId);
    await enqueueProvisioning(applicationId);
  }
  return outcome;
}
