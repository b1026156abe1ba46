import "server-only";

import type { Prisma } from "@prisma/client";

import { applyFieldEdit } from "@/lib/onboarding/field-edits";

import { audit } from "../audit/audit";
import { refreshDashboardRow } from "../dashboard/refresh-dashboard-row";
import { db } from "../db";
import { emailCustomerUsers } from "../notifications/email-customer-users";
import { emitWebhookEvent } from "../webhooks/emit-event";
import { readStoredDraft, toStoredDraft } from "./stored-draft";

export type ReviewQueueItem = {
  applicationId: string;
  organizationName: string;
  what: "Application" | "Campaign" | `Toll-free ${string}`;
  submittedAt: Date | null;
};

/** Applications and campaigns sent for review, oldest first: the staff queue. */
export async function reviewQueue(): Promise<ReviewQueueItem[]> {
  const [applications, campaigns, tollfree] = await Promise.all([
    db.onboardingApplication.findMany({
      where: { status: "SUBMITTED" },
      include: { organization: { select: { name: true } } },
    }),
    db.campaignRegistration.findMany({
      where: { status: "SUBMITTED" },
      include: { application: { include: { organization: { select: { name: true } } } } },
    }),
    db.tollfreeVerification.findMany({
      where: { status: "SUBMITTED" },
      include: { application: { include: { organization: { select: { name: true } } } } },
    }),
  ]);
  return [
    ...applications.map((application) => ({
      applicationId: application.id,
      organizationName: application.organization.name,
      what: "Application" as const,
      submittedAt: application.submittedAt,
    })),
    ...campaigns.map((campaign) => ({
      applicationId: campaign.applicationId,
      organizationName: campaign.application.organization.name,
      what: "Campaign" as const,
      submittedAt: campaign.submittedAt,
    })),
    ...tollfree.map((verification) => ({
      applicationId: verification.applicationId,
      organizationName: verification.application.organization.name,
      what: `Toll-free ${verification.phoneNumber}` as const,
      submittedAt: verification.submittedAt,
    })),
  ].sort((a, b) => (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0));
}

export async function applicationForReview(applicationId: string) {
  const application = await db.onboardingApplication.findUnique({
    where: { id: applicationId },
    include: { organization: true },
  });
  if (!application) return null;
  const [comments, history] = await Promise.all([
    db.reviewComment.findMany({ where: { applicationId }, orderBy: { createdAt: "desc" } }),
    db.auditLog.findMany({
      where: {
        OR: [
          { targetId: applicationId },
          { organizationId: application.organizationId, action: { not: "twilio.call" } },
        ],
      },
      orderBy: { createdAt: "desc" },
      take: 50,
      include: { actor: { select: { email: true } } },
    }),
  ]);
  // Provisioning progress has its own loader (provisioning-progress.ts), shared with the polling route.
  return { application, comments, history };
}

/** Staff send the application back with comments on specific fields; the customer is emailed. */
export async function requestChanges(
  applicationId: string,
  comments: { field: string; message: string }[],
  staffUserId: string,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const changed = await db.$transaction(async (tx) => {
    const updated = await tx.onboardingApplication.updateMany({
      where: { id: applicationId, status: "SUBMITTED" },
      data: { status: "CHANGES_REQUESTED", version: { increment: 1 } },
    });
    if (updated.count !== 1) return null;
    await tx.reviewComment.updateMany({ where: { applicationId, resolvedAt: null }, data: { resolvedAt: new Date() } });
    for (const comment of comments)
      await tx.reviewComment.create({
        data: { applicationId, field: comment.field, message: comment.message, authorId: staffUserId },
      });
    const application = await tx.onboardingApplication.findUniqueOrThrow({
      where: { id: applicationId },
      include: { organization: true },
    });
    await audit(tx, {
      actorUserId: staffUserId,
      action: "application.changes_requested",
      targetType: "OnboardingApplication",
      targetId: applicationId,
      organizationId: application.organizationId,
      metadata: { fields: comments.map((c) => c.field) },
    });
    return application;
  });
  if (!changed) return { ok: false, message: "This application is not waiting for review." };
  await refreshDashboardRow(applicationId);
  await emitWebhookEvent("application.changes_requested", changed.organizationId, { requestedBy: "staff" });
  await emailCustomerUsers(changed.organizationId, {
    kind: "registration_changes",
    subject: "Please update your messaging registration",
    lines: (name) => [
      `Our team asked for a few changes to ${name}'s registration.`,
      "",
      "See them next to each field:",
    ],
    path: "/onboarding/review",
  });
  return { ok: true };
}

/** A staff correction of one field of a submitted application, audited with the field (not the value). */
export async function editField(
  applicationId: string,
  field: string,
  value: string,
  staffUserId: string,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const application = await db.onboardingApplication.findUnique({ where: { id: applicationId } });
  if (!application || application.status !== "SUBMITTED")
    return { ok: false, message: "Only an application waiting for review can be edited." };
  const edit = applyFieldEdit(readStoredDraft(application.draft, applicationId), field, value);
  if (!edit.ok) return { ok: false, message: edit.message };
  const draft = edit.draft;
  const updated = await db.onboardingApplication.updateMany({
    where: { id: applicationId, version: application.version },
    data: { draft: toStoredDraft(draft, applicationId) as Prisma.InputJsonValue, version: { increment: 1 } },
  });
  if (updated.count !== 1) return { ok: false, message: "The application changed meanwhile; reload and try again." };
  await refreshDashboardRow(applicationId);
  await audit(db, {
    actorUserId: staffUserId,
    action: "application.field_edited",
    targetType: "OnboardingApplication",
    targetId: applicationId,
    organizationId: application.organizationId,
    metadata: { field },
  });
  return { ok: true };
}

/** Open comments on an application, by field: what the customer sees next to each field. */
export async function openComments(applicationId: string): Promise<Record<string, string[]>> {
  const comments = await db.reviewComment.findMany({
    where: { applicationId, resolvedAt: null },
    orderBy: { createdAt: "asc" },
  });
  const byField: Record<string, string[]> = {};
  for (const comment of comments) (byField[comment.field] ??= []).push(comment.message);
  return byField;
}
