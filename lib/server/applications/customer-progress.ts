import "server-only";

import { approvalProgress } from "@/lib/onboarding/approval-progress";
import type { CustomerProgress } from "@/lib/onboarding/progress-views";

import { db } from "../db";

export type { CustomerProgress };

export async function customerProgress(applicationId: string): Promise<CustomerProgress> {
  const [application, job, resources] = await Promise.all([
    db.onboardingApplication.findUniqueOrThrow({ where: { id: applicationId }, select: { status: true } }),
    db.provisioningJob.findUnique({ where: { applicationId }, select: { state: true } }),
    db.twilioResource.findMany({ where: { applicationId }, select: { step: true, status: true, details: true } }),
  ]);
  return {
    stages: approvalProgress({ applicationStatus: application.status, jobState: job?.state ?? null, resources }),
    updatedAt: new Date().toISOString(),
  };
}
