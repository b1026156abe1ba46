import "server-only";

import type { CampaignRegistration, Prisma } from "@prisma/client";

import type { FieldErrors } from "@/lib/action-result";
import { brandReady } from "@/lib/brand/readiness";
import { campaignDraftAsInput, readCampaignDraft, type CampaignDraft } from "@/lib/campaign/draft";
import { campaignSchema } from "@/lib/campaign/schema";
import type { CampaignSnapshot } from "@/lib/campaign/views";
import { zodFieldErrors } from "@/lib/forms/zod-field-errors";
import { brandDetailsOf } from "@/lib/trusthub/ledger-details";

import { EDITABLE_STATUSES } from "../applications/application-draft";
import { notifyStaffOfSubmission } from "../applications/notify-staff";
import { audit } from "../audit/audit";
import { refreshDashboardRow } from "../dashboard/refresh-dashboard-row";
import { db } from "../db";

/**
 * The campaign step opens once the brand is APPROVED (Twilio takes a campaign only for an approved
 * brand: 21717) and the Messaging Service exists. Its draft follows the onboarding draft's rules:
 * saved as typed, one conditional update per save so two tabs never both win, editable only while
 * it is the customer's (draft, or changes requested).
 */
export async function campaignIsOpen(applicationId: string): Promise<boolean> {
  const resources = await db.twilioResource.findMany({
    where: { applicationId, step: { in: ["brand", "messaging-service"] } },
    select: { step: true, status: true, details: true },
  });
  return (
    // APPROVED with a verified identity, not APPROVED alone (brand/readiness.ts).
    resources.some(
      (resource) =>
        resource.step === "brand" && brandReady(resource.status, brandDetailsOf(resource.details).identityStatus),
    ) && resources.some((resource) => resource.step === "messaging-service")
  );
}

/** The application's campaign registration, created (empty) the first time it is opened. Null: not open yet. */
export async function openCampaignRegistration(applicationId: string): Promise<CampaignRegistration | null> {
  const existing = await db.campaignRegistration.findUnique({ where: { applicationId } });
  if (existing) return existing;
  if (!(await campaignIsOpen(applicationId))) return null;
  // Two first visits at once: the unique application id lets one create, the other reads it.
  return db.campaignRegistration
    .create({ data: { applicationId, draft: {} } })
    .catch(() => db.campaignRegistration.findUniqueOrThrow({ where: { applicationId } }));
}

export function campaignSnapshot(registration: CampaignRegistration): CampaignSnapshot {
  return {
    campaignId: registration.id,
    version: registration.version,
    draft: readCampaignDraft(registration.draft),
    status: registration.status,
    updatedAt: registration.updatedAt.toISOString(),
    submittedAt: registration.submittedAt?.toISOString() ?? null,
  };
}

export type CampaignSaveOutcome =
  { ok: true; snapshot: CampaignSnapshot } | { ok: false; reason: "conflict" | "locked"; current: CampaignSnapshot };

export async function saveCampaignDraft(
  registration: CampaignRegistration,
  input: { expectedVersion: number; draft: CampaignDraft },
): Promise<CampaignSaveOutcome> {
  const updated = await db.campaignRegistration.updateMany({
    where: { id: registration.id, version: input.expectedVersion, status: { in: EDITABLE_STATUSES } },
    data: { draft: input.draft as Prisma.InputJsonValue, version: { increment: 1 } },
  });
  const current = await db.campaignRegistration.findUniqueOrThrow({ where: { id: registration.id } });
  if (updated.count === 1) return { ok: true, snapshot: campaignSnapshot(current) };
  return {
    ok: false,
    reason: EDITABLE_STATUSES.includes(current.status) ? "conflict" : "locked",
    current: campaignSnapshot(current),
  };
}

export type CampaignSubmitOutcome =
  | { ok: true; snapshot: CampaignSnapshot }
  | { ok: false; reason: "invalid"; fieldErrors: FieldErrors }
  | { ok: false; reason: "conflict" | "locked"; current: CampaignSnapshot };

/** The hard limits block here (Twilio would refuse: 21727/21728); the pre-submission advice does not. */
export async function submitCampaign(
  registration: CampaignRegistration,
  expectedVersion: number,
  actorUserId: string,
): Promise<CampaignSubmitOutcome> {
  const parsed = campaignSchema.safeParse(campaignDraftAsInput(readCampaignDraft(registration.draft)));
  if (!parsed.success) return { ok: false, reason: "invalid", fieldErrors: zodFieldErrors(parsed.error) };
  const updated = await db.campaignRegistration.updateMany({
    where: { id: registration.id, version: expectedVersion, status: { in: EDITABLE_STATUSES } },
    data: { status: "SUBMITTED", submittedAt: new Date(), version: { increment: 1 } },
  });
  const current = await db.campaignRegistration.findUniqueOrThrow({
    where: { id: registration.id },
    include: { application: { include: { organization: true } } },
  });
  if (updated.count !== 1)
    return {
      ok: false,
      reason: EDITABLE_STATUSES.includes(current.status) ? "conflict" : "locked",
      current: campaignSnapshot(current),
    };
  await audit(db, {
    actorUserId,
    action: "campaign.submitted",
    targetType: "CampaignRegistration",
    targetId: registration.id,
    organizationId: current.application.organizationId,
    metadata: { version: current.version, resubmission: registration.status === "CHANGES_REQUESTED" },
  });
  await refreshDashboardRow(current.applicationId);
  await notifyStaffOfSubmission(current.application.organization.name, current.applicationId, "campaign");
  return { ok: true, snapshot: campaignSnapshot(current) };
}
