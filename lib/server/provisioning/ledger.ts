import "server-only";

import type { Prisma } from "@prisma/client";

import type { ProvisioningStep } from "@/lib/trusthub/payloads";

import { db } from "../db";
import type { BundleKind } from "../twilio/trust-hub";

export { brandDetailsOf, bundleErrorsOf, campaignErrorsOf, evaluationResultsOf } from "@/lib/trusthub/ledger-details";
export { campaignLedgerDetails } from "@/lib/campaign/ledger-details";

/**
 * Every step the ledger keeps a SID for: the resources (bundles, their items, the Messaging
 * Service, the SHAKEN/STIR trust product), the brand and campaign, each bundle's last evaluation,
 * and each assignment of an item to a bundle. Its `details` are read through the decoders above.
 */
export type LedgerStep =
  | ProvisioningStep
  | "brand"
  | "campaign"
  | `evaluate:${BundleKind | "shaken-stir"}`
  | `submit:${BundleKind}`
  | `assign:${BundleKind}:${ProvisioningStep | "primary-customer-profile"}`
  | `tollfree:${string}`;

/**
 * The portal's record of what exists at Twilio for an application: one SID per step, written the
 * moment Twilio returns it.
 */
export async function knownSid(applicationId: string, step: LedgerStep): Promise<string | null> {
  return (await db.twilioResource.findUnique({ where: { applicationId_step: { applicationId, step } } }))?.sid ?? null;
}

/** The last status recorded for a step's resource (null: none yet). */
export async function knownStatus(applicationId: string, step: LedgerStep): Promise<string | null> {
  return (
    (await db.twilioResource.findUnique({ where: { applicationId_step: { applicationId, step } } }))?.status ?? null
  );
}

export async function recordSid(
  applicationId: string,
  step: LedgerStep,
  sid: string,
  accountSid: string,
  extra: { status?: string | null; details?: Prisma.InputJsonValue } = {},
): Promise<void> {
  const data = {
    sid,
    accountSid,
    ...(extra.status !== undefined ? { status: extra.status, statusUpdatedAt: new Date() } : {}),
    ...(extra.details ? { details: extra.details } : {}),
  };
  await db.twilioResource.upsert({
    where: { applicationId_step: { applicationId, step } },
    create: { applicationId, step, ...data },
    update: data,
  });
}

/**
 * Adds what a fetch learned (a failed resource's errors, after news that carried only a code) to a
 * resource's recorded details, keeping the rest: a compare-and-set on the row as read, so a newer
 * write in between is never overwritten (the next news brings the facts again). True when written.
 */
export async function mergeLedgerDetails(resourceId: string, patch: Record<string, unknown>): Promise<boolean> {
  const current = await db.twilioResource.findUnique({ where: { id: resourceId } });
  if (!current) return false;
  const details = { ...((current.details as Record<string, unknown> | null) ?? {}), ...patch };
  const written = await db.twilioResource.updateMany({
    where: { id: resourceId, updatedAt: current.updatedAt },
    data: { details: details as Prisma.InputJsonValue },
  });
  return written.count === 1;
}
