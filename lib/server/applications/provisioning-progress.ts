import "server-only";
import { db } from "../db";
import type { ProvisioningProgress } from "@/lib/views/provisioning-progress";
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
    resources,
  };
}
