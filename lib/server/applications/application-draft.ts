import "server-only";

import type { ApplicationStatus, OnboardingApplication } from "@prisma/client";

import type { FieldErrors } from "@/lib/action-result";
import { draftSummaryFields } from "@/lib/dashboard/draft-summary-fields";
import { zodFieldErrors } from "@/lib/forms/zod-field-errors";
import { parseApplication, type ApplicationDraft, type StepId } from "@/lib/onboarding/schema/application";
import type { DraftSnapshot } from "@/lib/onboarding/views";

import { audit } from "../audit/audit";
import { refreshDashboardRow, registrationNumberIndexOf } from "../dashboard/refresh-dashboard-row";
import { db } from "../db";
import { emitWebhookEvent } from "../webhooks/emit-event";
import { notifyStaffOfSubmission } from "./notify-staff";
import { readStoredDraft, toStoredDraft } from "./stored-draft";

export type { DraftSnapshot };

/** The customer may change the application only while it is theirs to edit. */
export const EDITABLE_STATUSES: ApplicationStatus[] = ["DRAFT", "CHANGES_REQUESTED"];

type SavedRow = Pick<
  OnboardingApplication,
  "id" | "organizationId" | "version" | "updatedAt" | "displayName" | "registrationNumberIndex"
>;

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
  | { ok: true; snapshot: SavedVersion }
  | { ok: false; reason: "conflict"; current: DraftSnapshot }
  | { ok: false; reason: "locked"; current: DraftSnapshot }
  | { ok: false; reason: "not-found" };

/** What a successful save hands back: the new version (the draft is the one just sent). */
export type SavedVersion = Pick<DraftSnapshot, "version" | "updatedAt">;

/**
 * Saves the draft as typed (partial and invalid values included) if nobody saved a newer version
 * since `expectedVersion` was read: one conditional update, so two tabs cannot both win. The
 * update names the organization too, so a customer's save reaches only its own application
 * without reading it first (#27 line 2: a save is this update, the hourly audit check, and the
 * caller's user read by the guard).
 */
export async function saveDraft(
  target: Pick<OnboardingApplication, "id" | "organizationId">,
  input: { expectedVersion: number; draft: ApplicationDraft; currentStep: StepId },
  actorUserId: string,
): Promise<SaveOutcome> {
  const saved = await updateDraftIfCurrent(target, input);
  if (saved) {
    await recordDraftSaved(saved, actorUserId);
    // A save keeps the stage (the application stays the customer's to edit), so the summary row is
    // rewritten only when what it shows from the draft differs from what this draft gives.
    // Autosave runs on every pause in typing.
    if (await summaryDiffers(saved, input.draft)) await refreshDashboardRow(saved.id);
    return { ok: true, snapshot: { version: saved.version, updatedAt: saved.updatedAt.toISOString() } };
  }
  const current = await db.onboardingApplication.findUnique({ where: { id: target.id } });
  if (!current || current.organizationId !== target.organizationId) return { ok: false, reason: "not-found" };
  return {
    ok: false,
    reason: EDITABLE_STATUSES.includes(current.status) ? "conflict" : "locked",
    current: snapshot(current),
  };
}

/**
 * The save itself: one conditional UPDATE … RETURNING, written out rather than built by Prisma's
 * query compiler, which spent more CPU compiling the update on every save than the database spent
 * running it (#27 line 2). It names the id, the organization, the version read and the editable
 * statuses, so it writes only the caller's own application, never over a newer version, and
 * returns what the answer, the audit and the summary check read: not the draft just written. The
 * same text runs on SQLite and PostgreSQL: the draft goes as JSON text (PostgreSQL reads an
 * untyped parameter as its column's jsonb), the status names as literals (PostgreSQL's enum), the
 * dates through Prisma's own conversion for each database.
 */
async function updateDraftIfCurrent(
  target: Pick<OnboardingApplication, "id" | "organizationId">,
  input: { expectedVersion: number; draft: ApplicationDraft; currentStep: StepId },
): Promise<SavedRow | null> {
  const now = new Date();
  const draft = JSON.stringify(toStoredDraft(input.draft, target.id));
  // The dashboard row's last activity is this save (its summary's rule: the newest change).
  const [row] = await db.$queryRaw<
    (Omit<SavedRow, "updatedAt" | "version"> & { updatedAt: Date | string; version: number | bigint })[]
  >`
    UPDATE "OnboardingApplication"
    SET "draft" = ${draft}, "currentStep" = ${input.currentStep}, "version" = "version" + 1,
        "updatedAt" = ${now}, "lastActivityAt" = ${now}
    WHERE "id" = ${target.id} AND "organizationId" = ${target.organizationId}
      AND "version" = ${input.expectedVersion} AND "status" IN ('DRAFT', 'CHANGES_REQUESTED')
    RETURNING "id", "organizationId", "version", "updatedAt", "displayName", "registrationNumberIndex"`;
  if (!row) return null;
  return { ...row, version: Number(row.version), updatedAt: new Date(row.updatedAt) };
}

/**
 * Whether the dashboard row (as the update returned it, its summary columns untouched by a save)
 * shows another name or registration number than `draft` gives (refresh-dashboard-row.ts's rules:
 * the business name, or the organization's name without one; the number's blind index).
 */
async function summaryDiffers(row: SavedRow, draft: ApplicationDraft): Promise<boolean> {
  if (row.displayName === "") return true;
  const { businessName, registrationNumber } = draftSummaryFields(draft);
  if (registrationNumberIndexOf(registrationNumber) !== row.registrationNumberIndex) return true;
  if (businessName) return businessName !== row.displayName;
  const organization = await db.organization.findUnique({ where: { id: row.organizationId }, select: { name: true } });
  return organization?.name !== row.displayName;
}

const HOUR_MS = 60 * 60_000;
const MOST_REMEMBERED = 10_000;
// Until when this process knows a "draft saved" entry exists for an application and user.
const auditedUntil = new Map<string, number>();

/**
 * One audit entry per editing session and hour, not per keystroke. The entry is looked for in the
 * log once an hour per process, not on every save (#27 line 2: a query per save): another instance
 * may write its own entry in the same hour, and that is all a process's memory can cost here (this
 * thins the log, it guarantees nothing).
 */
async function recordDraftSaved(application: Pick<SavedRow, "id" | "organizationId">, actorUserId: string) {
  const key = `${application.id}:${actorUserId}`;
  const now = Date.now();
  if ((auditedUntil.get(key) ?? 0) > now) return;
  const recent = await db.auditLog.findFirst({
    where: {
      // targetType first: the audit log's (targetType, targetId) index, not a scan of every row
      // (the log grows by some twenty rows per provisioned customer).
      targetType: "OnboardingApplication",
      targetId: application.id,
      action: "application.draft_saved",
      actorUserId,
      createdAt: { gt: new Date(now - HOUR_MS) },
    },
    select: { createdAt: true },
  });
  if (!recent)
    await audit(db, {
      actorUserId,
      action: "application.draft_saved",
      targetType: "OnboardingApplication",
      targetId: application.id,
      organizationId: application.organizationId,
    });
  auditedUntil.delete(key);
  if (auditedUntil.size >= MOST_REMEMBERED) auditedUntil.delete(auditedUntil.keys().next().value!);
  auditedUntil.set(key, (recent?.createdAt.getTime() ?? now) + HOUR_MS);
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
    return { ok: false, reason: "invalid", fieldErrors: zodFieldErrors(parsed.error) };
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
  await emitWebhookEvent("application.submitted", current.organizationId);
  return { ok: true, snapshot: snapshot(current) };
}
