import "server-only";

import { audit } from "../audit/audit";
import { refreshDashboardRow } from "../dashboard/refresh-dashboard-row";
import { db } from "../db";
import { enqueueProvisioning } from "../jobs/enqueue";
import { retryFailedJob } from "../provisioning/job";

export type RetryOutcome = { ok: true } | { ok: false; message: string };

/**
 * Staff run a FAILED provisioning job again (after fixing a setting, or once Twilio is back). The
 * conditional update lets one of two simultaneous clicks through; the job resumes from what is
 * recorded, so nothing at Twilio is created twice (decision 0007). Audited with the error it clears.
 */
export async function retryProvisioning(applicationId: string, staffUserId: string): Promise<RetryOutcome> {
  const [job, application] = await Promise.all([
    db.provisioningJob.findUnique({ where: { applicationId } }),
    db.onboardingApplication.findUnique({ where: { id: applicationId }, select: { organizationId: true } }),
  ]);
  if (!job || !application) return { ok: false, message: "This application has not been approved yet." };
  if (!(await retryFailedJob(applicationId)))
    return { ok: false, message: "Provisioning is not stopped: there is nothing to retry." };
  await audit(db, {
    actorUserId: staffUserId,
    action: "provisioning.retried",
    targetType: "OnboardingApplication",
    targetId: applicationId,
    organizationId: application.organizationId,
    metadata: { previousError: job.lastError?.slice(0, 300) ?? null, previousCode: job.lastErrorCode },
  });
  await refreshDashboardRow(applicationId);
  await enqueueProvisioning(applicationId);
  return { ok: true };
}
