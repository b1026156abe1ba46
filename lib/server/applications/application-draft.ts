import "server-only";

import type { ApplicationStatus, OnboardingApplication, Prisma } from "@prisma/client";

import type { FieldErrors } from "@/lib/action-result";
import { draftSummaryChanged } from "@/lib/dashboard/draft-summary-fields";
import { parseApplication, type ApplicationDraft, type StepId } from "@/lib/onboarding/schema/application";
import type { DraftSnapshot } from "@/lib/onboarding/views";

import { audit } from "../audit/audit";
import { refreshDashboardRow } from "../dashboard/refresh-dashboard-row";
import { db } from "../db";
import { notifyStaffOfSubmission } from "./notify-staff";
import { readStoredDraft, toStoredDraft } from "./stored-draft";

export type { DraftSnapshot };

/** The customer may change the application only while it is theirs to edit. */
export const EDITABLE_STATUSES: ApplicationStatus[] = ["DRAFT", "CHANGES_REQUESTED"];

// Prisma's "the record to update was not found": here, the version or the status did not match.
const RECORD_NOT_FOUND = "P2025";

export function snapshot(application: OnboardingApplication): DraftSnapshot {
  return {
    version: application.version,
    draft: readStoredDraft(application.draft, application.id),
    currentStep: application.currentStep,
    status: application.status,
    updatedAt: application.updatedAt.toISOString(),
    submittedAt: application.submittedAt?.toISOString() ?? null,
  };
}

export type SaveOutcome =
  | { ok: true; snapshot: DraftSnapshot }
  | { ok: false; reason: "conflict"; current: DraftSnapshot }
  | { ok: false; reason: "locked"; current: DraftSnapshot };

/**
 * Saves the draft as typed (partial and invalid values included) if nobody saved a newer version
 * since `expectedVersion` was read: one conditional update, so two tabs cannot both win.
 */
export async function saveDraft(
  application: OnboardingApplication,
  input: { expectedVersion: number; draft: ApplicationDraft; currentStep: StepId },
  actorUserId: string,
): Promise<SaveOutcome> {
  const now = new Date();
  // One statement (UPDATE … RETURNING): the saved row comes back with the write, so a save costs no
  // second read; only a refused save (a newer version, or no longer editable) reads the current one.
  const saved = await db.onboardingApplication
    .update({
      where: { id: application.id, version: input.expectedVersion, status: { in: EDITABLE_STATUSES } },
      data: {
        draft: toStoredDraft(input.draft, application.id) as Prisma.InputJsonValue,
        currentStep: input.currentStep,
        version: { increment: 1 },
        // The dashboard row's last activity is this save (its summary's rule: the newest change).
        updatedAt: now,
        lastActivityAt: now,
      },
    })
    .catch((error: unknown) => {
      if ((error as { code?: string }).code === RECORD_NOT_FOUND) return null;
      throw error;
    });
  if (saved) {
    await recordDraftSaved(saved, actorUserId);
    // A save keeps the stage (the application stays the customer's to edit), so the summary row is
    // rewritten only when a column it draws from the draft changed, or when the draft it replaced
    // is not the one read here (a save in between). Autosave runs on every pause in typing.
    const replacedWhatWasRead = application.version === input.expectedVersion && application.displayName !== "";
    if (!replacedWhatWasRead || draftSummaryChanged(readStoredDraft(application.draft, application.id), input.draft))
      await refreshDashboardRow(saved.id);
    return { ok: true, snapshot: snapshot(saved) };
  }
  const current = await db.onboardingApplication.findUniqueOrThrow({ where: { id: application.id } });
  return {
    ok: false,
    reason: EDITABLE_STATUSES.includes(current.status) ? "conflict" : "locked",
    current: snapshot(current),
  };
}

/** One audit entry per editing session and hour, not per keystroke. */
async function recordDraftSaved(application: OnboardingApplication, actorUserId: string) {
  const recent = await db.auditLog.findFirst({
    where: {
      // targetType first: the audit log's (targetType, targetId) index, not a scan of every row
      // (the log grows by some twenty rows per provisioned customer).
      targetType: "OnboardingApplication",
      targetId: application.id,
      action: "application.draft_saved",
      actorUserId,
      createdAt: { gt: new Date(Date.now() - 60 * 60_000) },
    },
  });
  if (!recent)
    await audit(db, {
      actorUserId,
      action: "application.draft_saved",
      targetType: "OnboardingApplication",
      targetId: application.id,
      organizationId: application.organizationId,
    });
}

export type SubmitOutcome =
  | { ok: true; snapshot: DraftSnapshot }
  | { ok: false; reason: "invalid"; fieldErrors: FieldErrors }
  | { ok: false; reason: "conflict" | "locked"; current: DraftSnapshot };

/** Checks the whole application and hands it to staff: status, audit entry, staff notified. */
export async function submitApplication(
  application: OnboardingApplication,
  expectedVersion: number,
  actorUserId: string,
): Promise<SubmitOutcome> {
  const parsed = parseApplication(readStoredDraft(application.draft, application.id));
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".")] ??= []).push(issue.message);
    return { ok: false, reason: "invalid", fieldErrors };
  }
  const now = new Date();
  const updated = await db.onboardingApplication.updateMany({
    where: { id: application.id, version: expectedVersion, status: { in: EDITABLE_STATUSES } },
    data: { status: "SUBMITTED", submittedAt: now, version: { increment: 1 } },
  });
  const current = await db.onboardingApplication.findUniqueOrThrow({
    where: { id: application.id },
    include: { organization: true },
  });
  if (updated.count !== 1)
    return {
      ok: false,
      reason: EDITABLE_STATUSES.includes(current.status) ? "conflict" : "locked",
      current: snapshot(current),
    };
  await audit(db, {
    actorUserId,
    action: "application.submitted",
    targetType: "OnboardingApplication",
    targetId: application.id,
    organizationId: application.organizationId,
    metadata: { version: current.version, resubmission: application.status === "CHANGES_REQUESTED" },
  });
  await refreshDashboardRow(current.id);
  await notifyStaffOfSubmission(current.organization.name, current.id);
  return { ok: true, snapshot: snapshot(current) };
}
