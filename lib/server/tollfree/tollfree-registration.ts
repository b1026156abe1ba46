import "server-only";

import { randomUUID } from "node:crypto";
import type { Prisma, TollfreeVerification } from "@prisma/client";

import type { FieldErrors } from "@/lib/action-result";
import { zodFieldErrors } from "@/lib/forms/zod-field-errors";
import { isTollFreeNumber } from "@/lib/numbers/schema";
import { tollfreeDraftAsInput, type TollfreeDraft } from "@/lib/tollfree/draft-values";
import { tollfreePathPrefix } from "@/lib/tollfree/fields";
import { tollfreeDraftFromOnboarding } from "@/lib/tollfree/prefill";
import { tollfreeSchema } from "@/lib/tollfree/schema";
import type { TollfreeSnapshot } from "@/lib/tollfree/views";

import { EDITABLE_STATUSES } from "../applications/application-draft";
import { notifyStaffOfSubmission } from "../applications/notify-staff";
import { readStoredDraft } from "../applications/stored-draft";
import { audit } from "../audit/audit";
import { db } from "../db";
import { readStoredTollfreeDraft, toStoredTollfreeDraft } from "./stored-tollfree-draft";

export function tollfreeSnapshot(verification: TollfreeVerification): TollfreeSnapshot {
  return {
    verificationId: verification.id,
    version: verification.version,
    draft: readStoredTollfreeDraft(verification.draft, verification.id),
    status: verification.status,
    updatedAt: verification.updatedAt.toISOString(),
    submittedAt: verification.submittedAt?.toISOString() ?? null,
    phoneNumber: verification.phoneNumber,
    phoneNumberSid: verification.phoneNumberSid,
  };
}

/**
 * The customer's verification for one of their toll-free numbers, started the first time they
 * open it, from what they already told the portal (tollfreeDraftFromOnboarding). Null when the
 * number is not a toll-free number of theirs. One per number: the database's unique key lets one
 * of two first visits create it; the other reads it.
 */
export async function openTollfreeVerification(
  applicationId: string,
  phoneNumberSid: string,
): Promise<TollfreeVerification | null> {
  const application = await db.onboardingApplication.findUniqueOrThrow({ where: { id: applicationId } });
  const number = await db.phoneNumber.findFirst({
    where: { phoneNumberSid, organizationId: application.organizationId },
  });
  if (!number || !isTollFreeNumber(number.phoneNumber)) return null;
  const existing = await db.tollfreeVerification.findUnique({ where: { phoneNumberSid } });
  if (existing) return existing.applicationId === applicationId ? existing : null;
  const settings = await db.isvSettings.findUnique({ where: { id: 1 }, select: { notificationEmail: true } });
  const draft = tollfreeDraftFromOnboarding(
    readStoredDraft(application.draft, application.id),
    settings?.notificationEmail ?? "",
  );
  const id = randomUUID();
  return db.tollfreeVerification
    .create({
      data: {
        id,
        applicationId,
        phoneNumberSid,
        phoneNumber: number.phoneNumber,
        draft: toStoredTollfreeDraft(draft, id) as Prisma.InputJsonValue,
      },
    })
    .catch(async () => {
      const raced = await db.tollfreeVerification.findUnique({ where: { phoneNumberSid } });
      return raced?.applicationId === applicationId ? raced : null;
    });
}

export type TollfreeSaveOutcome =
  { ok: true; snapshot: TollfreeSnapshot } | { ok: false; reason: "conflict" | "locked"; current: TollfreeSnapshot };

/** Autosave: one conditional update per save (the version read), only while the customer may edit it. */
export async function saveTollfreeDraft(
  verification: TollfreeVerification,
  input: { expectedVersion: number; draft: TollfreeDraft },
): Promise<TollfreeSaveOutcome> {
  const updated = await db.tollfreeVerification.updateMany({
    where: { id: verification.id, version: input.expectedVersion, status: { in: EDITABLE_STATUSES } },
    data: {
      draft: toStoredTollfreeDraft(input.draft, verification.id) as Prisma.InputJsonValue,
      version: { increment: 1 },
    },
  });
  const current = await db.tollfreeVerification.findUniqueOrThrow({ where: { id: verification.id } });
  if (updated.count === 1) return { ok: true, snapshot: tollfreeSnapshot(current) };
  return {
    ok: false,
    reason: EDITABLE_STATUSES.includes(current.status) ? "conflict" : "locked",
    current: tollfreeSnapshot(current),
  };
}

export type TollfreeSubmitOutcome =
  | { ok: true; snapshot: TollfreeSnapshot }
  | { ok: false; reason: "invalid"; fieldErrors: FieldErrors }
  | { ok: false; reason: "conflict" | "locked"; current: TollfreeSnapshot };

/** Sent for staff review: the shared schema must pass; the open comments on it are answered. */
export async function submitTollfree(
  verification: TollfreeVerification,
  expectedVersion: number,
  actorUserId: string,
): Promise<TollfreeSubmitOutcome> {
  const parsed = tollfreeSchema.safeParse(
    tollfreeDraftAsInput(readStoredTollfreeDraft(verification.draft, verification.id)),
  );
  if (!parsed.success) return { ok: false, reason: "invalid", fieldErrors: zodFieldErrors(parsed.error) };
  const updated = await db.tollfreeVerification.updateMany({
    where: { id: verification.id, version: expectedVersion, status: { in: EDITABLE_STATUSES } },
    data: { status: "SUBMITTED", submittedAt: new Date(), version: { increment: 1 } },
  });
  const current = await db.tollfreeVerification.findUniqueOrThrow({
    where: { id: verification.id },
    include: { application: { include: { organization: true } } },
  });
  if (updated.count !== 1)
    return {
      ok: false,
      reason: EDITABLE_STATUSES.includes(current.status) ? "conflict" : "locked",
      current: tollfreeSnapshot(current),
    };
  await db.reviewComment.updateMany({
    where: {
      applicationId: current.applicationId,
      field: { startsWith: tollfreePathPrefix(current.id) },
      resolvedAt: null,
    },
    data: { resolvedAt: new Date() },
  });
  await audit(db, {
    actorUserId,
    action: "tollfree.submitted",
    targetType: "TollfreeVerification",
    targetId: current.id,
    organizationId: current.application.organizationId,
    metadata: {
      version: current.version,
      number: current.phoneNumberSid,
      resubmission: verification.status === "CHANGES_REQUESTED",
    },
  });
  await notifyStaffOfSubmission(current.application.organization.name, current.applicationId, "tollfree");
  return { ok: true, snapshot: tollfreeSnapshot(current) };
}
