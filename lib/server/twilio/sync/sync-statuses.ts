import "server-only";
import type { Twilio } from "twilio";
import { db } from "../../db";
import { audit } from "../../audit/audit";
import { withRetry, type RetryPolicy } from "../pipeline/retry";

/** Statuses after which Twilio no longer changes a resource on its own. */
const FINAL: Record<string, string[]> = {
  "customer-profile": ["twilio-approved", "twilio-rejected"],
  "trust-product": ["twilio-approved", "twilio-rejected"],
  brand: ["APPROVED", "FAILED", "SUSPENDED"],
};

export type SyncDeps = { clientFor: (accountSid: string) => Twilio; retry?: RetryPolicy; spacingMs?: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Refreshes what Twilio does not call back for (brands) and anything a lost callback left behind:
 * every bundle and brand not yet in a final status is fetched, paced to stay within Twilio's limits,
 * and its recorded status updated. Returns how many changed.
 */
export async function syncStatuses(deps: SyncDeps): Promise<{ checked: number; changed: number; failed: number }> {
  const pending = await db.twilioResource.findMany({ where: { step: { in: Object.keys(FINAL) } }, orderBy: { updatedAt: "asc" }, take: 500 });
  const open = pending.filter((resource) => !FINAL[resource.step]!.includes(resource.status ?? ""));
  let changed = 0;
  let failed = 0;
  for (const resource of open) {
    const client = deps.clientFor(resource.accountSid);
    try {
      const fetched = await withRetry(async () => {
        if (resource.step === "customer-profile") return { status: (await client.trusthub.v1.customerProfiles(resource.sid).fetch()).status, details: undefined };
        if (resource.step === "trust-product") return { status: (await client.trusthub.v1.trustProducts(resource.sid).fetch()).status, details: undefined };
        const brand = await client.messaging.v1.brandRegistrations(resource.sid).fetch();
        return { status: brand.status, details: { identity_status: brand.identityStatus, brand_score: brand.brandScore, errors: brand.errors, failure_reason: brand.failureReason } };
      }, deps.retry ?? { attempts: 4, baseMs: 1000, maxMs: 10_000 });
      if (fetched.status !== resource.status) {
        await db.twilioResource.update({ where: { id: resource.id }, data: { status: fetched.status, statusUpdatedAt: new Date(), ...(fetched.details ? { details: fetched.details as never } : {}) } });
        const application = await db.onboardingApplication.findUnique({ where: { id: resource.applicationId }, select: { organizationId: true } });
        await audit(db, { action: "twilio.status_synced", targetType: "TwilioResource", targetId: resource.sid, organizationId: application?.organizationId, metadata: { step: resource.step, from: resource.status, to: fetched.status } });
        changed++;
      }
    } catch (error) {
      failed++;
      console.error(`[sync] ${resource.step} ${resource.sid}: ${(error as Error).message}`);
    }
    if (deps.spacingMs) await sleep(deps.spacingMs);
  }
  return { checked: open.length, changed, failed };
}
