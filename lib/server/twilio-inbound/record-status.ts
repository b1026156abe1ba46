import "server-only";

import type { Prisma, TwilioResource } from "@prisma/client";

import { brandReady } from "@/lib/brand/readiness";
import { brandDetailsOf } from "@/lib/trusthub/ledger-details";

import { reopenOnRejection } from "../applications/reopen-on-rejection";
import { audit } from "../audit/audit";
import { noteAwaitedVerification } from "../brands/brand-verification";
import { reopenOnBrandFailure, resumeWaitingBrandResubmission } from "../brands/reopen-on-brand-failure";
import { reopenFailedCampaign } from "../campaigns/reopen-failed-campaign";
import { refreshDashboardRow } from "../dashboard/refresh-dashboard-row";
import { db } from "../db";
import { emitWebhookEvent } from "../webhooks/emit-event";
import { notifyCustomerToAct } from "./notify-customer";

export type StatusSource = "callback" | "event" | "sync";

const AUDIT_ACTION: Record<StatusSource, string> = {
  callback: "twilio.status_changed",
  event: "twilio.event",
  sync: "twilio.status_synced",
};

/**
 * One place where a Twilio status reaches the portal, whoever brought it (a signed status callback,
 * an Event Streams event or the sync): the resource is updated, the change audited, the dashboard
 * row rewritten at once, and the customer emailed when the new status asks them to act. False when
 * another caller had already moved the status (nothing was done).
 */
export async function recordTwilioStatus(
  resource: TwilioResource,
  change: {
    status: string;
    at?: Date;
    details?: Prisma.InputJsonValue;
    source: StatusSource;
    eventType?: string;
    /** A status callback's FailureReason (a rejected bundle). */
    failureReason?: string;
    /**
     * Whether this news is newer than the resource as it stands: asked before writing, and again
     * whenever another caller moved the status after this one read it (without that, a late
     * "in-review" that lost the race to "twilio-rejected" would be applied over it).
     */
    supersedes: (current: TwilioResource) => boolean;
  },
): Promise<boolean> {
  // Compare-and-set on the status this caller read: when a callback, an event and the sync bring the
  // same news at once (on any instance), one of them applies it, and only that one audits it and
  // emails the customer. Other news that raced it (two callbacks in a row) is applied after it only
  // if it is still newer than what the winner wrote.
  let current: TwilioResource | null = resource;
  for (;;) {
    if (!current || current.status === change.status || !change.supersedes(current)) return false;
    const applied = await db.twilioResource.updateMany({
      where: { id: resource.id, status: current.status },
      data: {
        status: change.status,
        statusUpdatedAt: change.at ?? new Date(),
        ...(change.details !== undefined ? { details: change.details } : {}),
      },
    });
    if (applied.count === 1) break;
    current = await db.twilioResource.findUnique({ where: { id: resource.id } });
  }
  resource = current;
  const application = await db.onboardingApplication.findUnique({
    where: { id: resource.applicationId },
    select: { organizationId: true },
  });
  await audit(db, {
    action: AUDIT_ACTION[change.source],
    targetType: "TwilioResource",
    targetId: resource.sid,
    organizationId: application?.organizationId,
    metadata: {
      step: resource.step,
      from: resource.status,
      to: change.status,
      ...(change.eventType ? { type: change.eventType } : {}),
    },
  });
  await refreshDashboardRow(resource.applicationId);
  if (application) await emitStatusEvent(application.organizationId, resource, change.status, change.details);
  if (
    change.status === "twilio-rejected" &&
    (resource.step === "customer-profile" || resource.step === "trust-product")
  )
    await reopenOnRejection(resource, {
      failureReason: change.failureReason ?? null,
      ...(change.details && typeof change.details === "object" && "errors" in change.details
        ? { errors: change.details.errors }
        : {}),
    });
  else if (resource.step === "brand" && change.status === "FAILED")
    await reopenOnBrandFailure(resource, change.details ?? null);
  else if (resource.step === "campaign" && change.status === "FAILED")
    await reopenFailedCampaign(resource, detailsErrors(change.details));
  else if (application && resource.step === "brand") {
    // A brand is ready for campaigns when APPROVED *and* its identity is verified (brand/readiness.ts):
    // the customer is told when it becomes ready, whichever news made it so, and of a suspension.
    if (becameReady(resource, change.status, change.details))
      await notifyCustomerToAct(application.organizationId, "brand", "READY");
    else if (change.status !== "APPROVED")
      await notifyCustomerToAct(application.organizationId, "brand", change.status);
  } else if (application) await notifyCustomerToAct(application.organizationId, resource.step, change.status);
  if (
    change.status === "twilio-approved" &&
    (resource.step === "customer-profile" || resource.step === "trust-product")
  )
    await resumeWaitingBrandResubmission(resource.applicationId);
  if (resource.step === "brand")
    await noteAwaitedVerification(resource.applicationId, {
      sid: resource.sid,
      status: change.status,
      details: change.details ?? resource.details,
    });
  return true;
}

/**
 * The ISV's webhooks for a status just recorded (#28 line 4): a brand ready for campaigns (APPROVED
 * with its identity verified, not APPROVED alone) or failed, a campaign verified or failed.
 */
async function emitStatusEvent(
  organizationId: string,
  resource: TwilioResource,
  status: string,
  details: Prisma.InputJsonValue | undefined,
): Promise<void> {
  const upper = status.toUpperCase();
  if (resource.step === "brand" && becameReady(resource, status, details))
    await emitWebhookEvent("brand.approved", organizationId, { brand: { sid: resource.sid, status } });
  else if (resource.step === "brand" && upper === "FAILED")
    await emitWebhookEvent("brand.failed", organizationId, { brand: { sid: resource.sid, status } });
  else if (resource.step === "campaign" && upper === "VERIFIED")
    await emitWebhookEvent("campaign.verified", organizationId, { campaign: { sid: resource.sid, status } });
  else if (resource.step === "campaign" && upper === "FAILED")
    await emitWebhookEvent("campaign.failed", organizationId, { campaign: { sid: resource.sid, status } });
}

/** Whether news turns a brand that was not ready for campaigns into a ready one. */
function becameReady(before: TwilioResource, status: string, details: Prisma.InputJsonValue | undefined): boolean {
  const identityBefore = brandDetailsOf(before.details).identityStatus;
  const identityAfter = details !== undefined ? brandDetailsOf(details).identityStatus : identityBefore;
  return !brandReady(before.status, identityBefore) && brandReady(status, identityAfter);
}

/**
 * News that leaves a resource's status as it is but brings newer facts (an identity status, a score,
 * a 30994 "awaiting 2FA", a secondary vetting's outcome): kept, the dashboard row rewritten, and a
 * brand whose identity this makes verified announced as ready, once (a compare-and-set on the
 * details this caller read). False when nothing changed.
 */
export async function recordTwilioDetails(resource: TwilioResource, details: Prisma.InputJsonValue): Promise<boolean> {
  if (sameJson(details, resource.details)) return false;
  const written = await db.twilioResource.updateMany({
    where: { id: resource.id, status: resource.status, updatedAt: resource.updatedAt },
    data: { details },
  });
  if (written.count !== 1) return false;
  await refreshDashboardRow(resource.applicationId);
  if (resource.step === "brand")
    await noteAwaitedVerification(resource.applicationId, { sid: resource.sid, status: resource.status, details });
  if (resource.step === "brand" && becameReady(resource, resource.status ?? "", details)) {
    const application = await db.onboardingApplication.findUnique({
      where: { id: resource.applicationId },
      select: { organizationId: true },
    });
    if (application) {
      await emitWebhookEvent("brand.approved", application.organizationId, { brand: { sid: resource.sid } });
      await notifyCustomerToAct(application.organizationId, "brand", "READY");
    }
  }
  return true;
}

/**
 * Whether two JSON values say the same, whatever the order of their keys: PostgreSQL's jsonb hands
 * objects back with their keys reordered, so comparing texts would see news in every replay.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === "object"
        ? Object.fromEntries(
            Object.entries(value as Record<string, unknown>)
              .filter(([, entry]) => entry !== undefined)
              .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
              .map(([key, entry]) => [key, canonical(entry)]),
          )
        : value;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function detailsErrors(details: Prisma.InputJsonValue | undefined): unknown {
  return details && typeof details === "object" && "errors" in details ? details.errors : undefined;
}
