import "server-only";

import type { ProvisioningProgress } from "@/lib/provisioning/views";

import { db } from "../db";
import { maxRetriesLater } from "../provisioning/job";

export type { ProvisioningProgress };

export async function provisioningProgress(applicationId: string): Promise<ProvisioningProgress> {
  const [job, resources] = await Promise.all([
    db.provisioningJob.findUnique({ where: { applicationId } }),
    db.twilioResource.findMany({
      where: { applicationId },
      orderBy: { createdAt: "asc" },
      select: { step: true, sid: true, status: true },
    }),
  ]);
  return {
    state: job?.state ?? null,
    currentStep: job?.currentStep ?? null,
    lastError: job?.lastError ?? null,
    lastErrorCode: job?.lastErrorCode ?? null,
    retryAt: job?.state === "QUEUED" && job.retryLaterCount > 0 ? job.runAfter.toISOString() : null,
    retriesLater: job?.retryLaterCount ?? 0,
    maxRetriesLater: maxRetriesLater(),
    resources,
  };
}
