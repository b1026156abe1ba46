import "server-only";

import type { Prisma } from "@prisma/client";

import {
  campaignChange,
  createOnlyValues,
  replacementReason,
  type CampaignChange,
  type CreateOnlyValues,
} from "@/lib/campaign/change-kind";
import { campaignDraftAsInput, readCampaignDraft, type CampaignDraft } from "@/lib/campaign/draft";
import { campaignField, campaignPath, type CampaignFieldKey } from "@/lib/campaign/fields";
import { campaignLedgerDetails } from "@/lib/campaign/ledger-details";
import { reviewCampaign, type Finding } from "@/lib/campaign/review";
import { campaignSchema, type Campaign } from "@/lib/campaign/schema";
import { registeredUseCase } from "@/lib/campaign/use-cases";

import { isSoleProprietor } from "../applications/application-kind";
import { loadApplication } from "../applications/load-application";
import { audit } from "../audit/audit";
import { refreshDashboardRow } from "../dashboard/refresh-dashboard-row";
import { db } from "../db";
import { enqueueProvisioning } from "../jobs/enqueue";
import { emailCustomerUsers } from "../notifications/email-customer-users";
import { requestPhase } from "../provisioning/job";

type Outcome = { ok: true } | { ok: false; message: string };

/** The pre-submission findings of a campaign draft, for its brand (the business name the customer gave). */
export async function campaignFindings(applicationId: string, draft: CampaignDraft): Promise<Finding[]> {
  const parsed = campaignSchema.safeParse(campaignDraftAsInput(draft));
  if (!parsed.success) return [];
  const businessName = (await loadApplication(applicationId))?.draft.business?.businessName;
  return reviewCampaign(parsed.data, {
    brandName: typeof businessName === "string" ? businessName : "",
    useCase: parsed.data.usAppToPersonUsecase,
  });
}

/**
 * The campaign Twilio holds for this application, if any: its use case and what it was created with
 * in the fields Twilio's update does not take (a change to either means a new campaign).
 */
export async function campaignAtTwilio(applicationId: string): Promise<{
  sid: string;
  status: string | null;
  useCase: string | null;
  createOnly: CreateOnlyValues | null;
} | null> {
  const resource = await db.twilioResource.findUnique({
    where: { applicationId_step: { applicationId, step: "campaign" } },
  });
  if (!resource) return null;
  const details = campaignLedgerDetails(resource.details);
  return {
    sid: resource.sid,
    status: resource.status,
    useCase: details?.useCase ?? null,
    createOnly: details?.createOnly ?? null,
  };
}

/** How approving this campaign reaches Twilio: create, update, or delete and create again (change-kind.ts). */
export async function campaignChangeFor(applicationId: string, campaign: Campaign): Promise<CampaignChange> {
  const kind = (await isSoleProprietor(applicationId)) ? "sole-proprietor" : "standard";
  return campaignChange(await campaignAtTwilio(applicationId), {
    useCase: registeredUseCase(kind, campaign.usAppToPersonUsecase),
    createOnly: createOnlyValues(campaign),
  });
}

/**
 * Staff approval of a campaign: SUBMITTED → APPROVED and the application's job queued for its
 * campaign phase, in one transaction (one of two simultaneous approvals goes through). Findings of
 * the pre-submission review are advice: approving over them needs a reason, which is recorded. A
 * changed use case means deleting and recreating the campaign at Twilio, a new vetting fee: staff
 * must say they accept it.
 */
export async function approveCampaign(
  campaignId: string,
  staffUserId: string,
  choices: { overrideReason?: string; acceptNewVettingFee?: boolean },
): Promise<Outcome & { started?: boolean }> {
  const registration = await db.campaignRegistration.findUnique({ where: { id: campaignId } });
  if (!registration) return { ok: false, message: "This campaign does not exist." };
  if (registration.status === "APPROVED") return { ok: true, started: false };
  if (registration.status !== "SUBMITTED") return { ok: false, message: "This campaign is not waiting for review." };
  const draft = readCampaignDraft(registration.draft);
  const parsed = campaignSchema.safeParse(campaignDraftAsInput(draft));
  if (!parsed.success) return { ok: false, message: "This campaign does not meet Twilio's limits; request changes." };
  const findings = await campaignFindings(registration.applicationId, draft);
  const overrideReason = choices.overrideReason?.trim() ?? "";
  if (findings.length && !overrideReason)
    return {
      ok: false,
      message: `The review found ${findings.length} likely cause${findings.length === 1 ? "" : "s"} of rejection: request changes, or give your reason to approve anyway.`,
    };
  const atTwilio = await campaignAtTwilio(registration.applicationId);
  const change = await campaignChangeFor(registration.applicationId, parsed.data);
  const replacing = change.kind === "replace";
  if (replacing && !choices.acceptNewVettingFee)
    return { ok: false, message: `${replacementReason(change)} Confirm that you accept the new vetting fee.` };
  // Twilio takes no change while it vets the campaign (PENDING, IN_PROGRESS), and none to a suspended one.
  const atTwilioStatus = atTwilio?.status?.toUpperCase() ?? "";
  if (atTwilio && ["PENDING", "IN_PROGRESS"].includes(atTwilioStatus))
    return {
      ok: false,
      message: "Twilio is vetting the campaign now and takes no change until it is decided. Approve once it is.",
    };
  const brand = await db.twilioResource.findUnique({
    where: { applicationId_step: { applicationId: registration.applicationId, step: "brand" } },
    select: { status: true },
  });
  if (brand?.status === "SUSPENDED")
    return {
      ok: false,
      message:
        "The brand is suspended: Twilio takes no new campaign and no change for it (error 21731). Twilio Support has to lift the suspension first.",
    };
  if (atTwilioStatus === "SUSPENDED")
    return {
      ok: false,
      message:
        "The campaign is suspended: Twilio takes no change to it (error 21729). Twilio Support has to lift the suspension first.",
    };

  const started = await db.$transaction(async (tx) => {
    const now = new Date();
    const approved = await tx.campaignRegistration.updateMany({
      where: { id: campaignId, status: "SUBMITTED", version: registration.version },
      data: {
        status: "APPROVED",
        approvedAt: now,
        approvedById: staffUserId,
        overrideReason: findings.length ? overrideReason.slice(0, 1000) : null,
        version: { increment: 1 },
      },
    });
    if (approved.count !== 1) return false;
    const application = await tx.onboardingApplication.findUniqueOrThrow({
      where: { id: registration.applicationId },
      select: { organizationId: true },
    });
    // Queued now, or after the phase that runs now (never lost when that run finishes).
    await requestPhase(tx, registration.applicationId, "campaign", { clearsFailure: true });
    await tx.reviewComment.updateMany({
      where: { applicationId: campaignId, resolvedAt: null },
      data: { resolvedAt: now },
    });
    await audit(tx, {
      actorUserId: staffUserId,
      action: "campaign.approved",
      targetType: "CampaignRegistration",
      targetId: campaignId,
      organizationId: application.organizationId,
      metadata: {
        useCase: parsed.data.usAppToPersonUsecase,
        overriddenFindings: findings.map((finding) => finding.rule),
        replacesCampaign: replacing ? (atTwilio?.sid ?? null) : null,
        ...(change.kind === "replace" ? { replacedBecause: change.because, changedFields: change.fields } : {}),
      },
    });
    return true;
  });
  if (!started) return { ok: true, started: false };
  await refreshDashboardRow(registration.applicationId);
  await enqueueProvisioning(registration.applicationId);
  return { ok: true, started: true };
}

/** Staff send the campaign back with comments on specific fields; the customer is emailed. */
export async function requestCampaignChanges(
  campaignId: string,
  comments: { field: CampaignFieldKey; message: string }[],
  staffUserId: string,
): Promise<Outcome> {
  const changed = await db.$transaction(async (tx) => {
    const updated = await tx.campaignRegistration.updateMany({
      where: { id: campaignId, status: "SUBMITTED" },
      data: { status: "CHANGES_REQUESTED", version: { increment: 1 } },
    });
    if (updated.count !== 1) return null;
    await tx.reviewComment.updateMany({
      where: { applicationId: campaignId, resolvedAt: null },
      data: { resolvedAt: new Date() },
    });
    for (const comment of comments)
      await tx.reviewComment.create({
        data: {
          applicationId: campaignId,
          field: campaignPath(comment.field),
          message: comment.message,
          authorId: staffUserId,
        },
      });
    const registration = await tx.campaignRegistration.findUniqueOrThrow({
      where: { id: campaignId },
      include: { application: { select: { organizationId: true } } },
    });
    await audit(tx, {
      actorUserId: staffUserId,
      action: "campaign.changes_requested",
      targetType: "CampaignRegistration",
      targetId: campaignId,
      organizationId: registration.application.organizationId,
      metadata: { fields: comments.map((comment) => comment.field) },
    });
    return registration;
  });
  if (!changed) return { ok: false, message: "This campaign is not waiting for review." };
  await refreshDashboardRow(changed.applicationId);
  await emailCustomerUsers(changed.application.organizationId, {
    kind: "campaign_changes",
    subject: "Please update your messaging campaign",
    lines: (name) => [
      `Our team asked for a few changes to ${name}'s A2P campaign.`,
      "",
      "See them next to each field:",
    ],
    path: "/campaign",
  });
  return { ok: true };
}

/**
 * A staff correction of one campaign field while it waits for review, checked by that field's own
 * rule in the shared campaign schema; audited with the field, never the value.
 */
export async function editCampaignField(
  campaignId: string,
  field: CampaignFieldKey,
  typed: string,
  staffUserId: string,
): Promise<Outcome> {
  const registration = await db.campaignRegistration.findUnique({
    where: { id: campaignId },
    include: { application: { select: { organizationId: true } } },
  });
  if (!registration || registration.status !== "SUBMITTED")
    return { ok: false, message: "Only a campaign waiting for review can be corrected." };
  const definition = campaignField(field);
  if (!definition) return { ok: false, message: "This field cannot be corrected here." };
  const value = definition.kind === "flag" ? /^(yes|true|on|1)$/i.test(typed.trim()) : typed;
  const draft: CampaignDraft = { ...readCampaignDraft(registration.draft), [field]: value };
  const parsed = campaignSchema.safeParse(campaignDraftAsInput(draft));
  const problem = parsed.success ? undefined : parsed.error.issues.find((issue) => issue.path[0] === field);
  if (problem) return { ok: false, message: problem.message };
  const updated = await db.campaignRegistration.updateMany({
    where: { id: campaignId, version: registration.version, status: "SUBMITTED" },
    data: { draft: draft as Prisma.InputJsonValue, version: { increment: 1 } },
  });
  if (updated.count !== 1) return { ok: false, message: "The campaign changed meanwhile; reload and try again." };
  await audit(db, {
    actorUserId: staffUserId,
    action: "campaign.field_edited",
    targetType: "CampaignRegistration",
    targetId: campaignId,
    organizationId: registration.application.organizationId,
    metadata: { field },
  });
  return { ok: true };
}
