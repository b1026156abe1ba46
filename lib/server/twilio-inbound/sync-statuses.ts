import "server-only";

import type { TwilioResource } from "@prisma/client";

import { normalizeBrandDetails, normalizeRegistrationErrors } from "@/lib/brand/details";
import { brandAwaitsIdentity, brandReady, SETTLED_IDENTITIES } from "@/lib/brand/readiness";
import { campaignLedgerDetails } from "@/lib/campaign/ledger-details";
import { describeErrorForLog } from "@/lib/logging/redact";
import { brandDetailsOf } from "@/lib/trusthub/ledger-details";

import { notifyExpiredVerifications } from "../brands/brand-verification";
import { refreshUnsummarizedRows } from "../dashboard/refresh-dashboard-row";
import { db } from "../db";
import { withRetry, type RetryPolicy } from "../provisioning/retry";
import { syncTollfreeVerifications } from "../tollfree/tollfree-news";
import type { TwilioAccount } from "../twilio/account";
import { fetchBrand } from "../twilio/brands";
import { fetchCampaign } from "../twilio/campaigns";
import { fetchBundle } from "../twilio/trust-hub";
import { recordTwilioDetails, recordTwilioStatus, sameJson } from "./record-status";

/** Statuses after which Twilio no longer changes a resource on its own. */
const FINAL: Record<string, string[]> = {
  "customer-profile": ["twilio-approved", "twilio-rejected"],
  "trust-product": ["twilio-approved", "twilio-rejected"],
  "shaken-stir": ["twilio-approved", "twilio-rejected"],
  // An APPROVED brand is final only once its identity is settled (brand/readiness.ts): see below.
  brand: ["APPROVED", "FAILED", "SUSPENDED"],
  campaign: ["VERIFIED", "FAILED", "SUSPENDED"],
};

export type SyncDeps = {
  /** An account the portal works in, by its SID (the ISV's or a customer's subaccount). */
  accountFor: (accountSid: string) => TwilioAccount | Promise<TwilioAccount>;
  retry?: RetryPolicy;
  spacingMs?: number;
  brandSpacingMs?: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Refreshes what Twilio does not call back for (brands) and anything a lost callback left behind:
 * every bundle and brand not yet in a final status is fetched, paced to stay within Twilio's limits,
 * and its recorded status updated. Returns how many changed.
 */
export async function syncStatuses(deps: SyncDeps): Promise<{ checked: number; changed: number; failed: number }> {
  // Only what can still change, least recently looked at first, so every run makes progress.
  const open = await db.twilioResource.findMany({
    where: {
      OR: Object.entries(FINAL).map(([step, final]) => ({
        step,
        OR: [{ status: null }, { status: { notIn: final } }],
      })),
    },
    orderBy: { updatedAt: "asc" },
    take: 500,
  });
  // APPROVED brands whose identity is not settled yet (a code, an email, TCR's check): Twilio may
  // send no event when it settles, so they are fetched until it does. The dashboard's summary row
  // keeps each application's brand and identity statuses, so only those brands are read.
  const awaiting = await db.onboardingApplication.findMany({
    where: {
      brandStatus: "APPROVED",
      OR: [{ identityStatus: null }, { identityStatus: { notIn: [...SETTLED_IDENTITIES] } }],
    },
    select: { id: true },
    take: 500,
  });
  if (awaiting.length)
    open.push(
      ...(
        await db.twilioResource.findMany({
          where: { step: "brand", status: "APPROVED", applicationId: { in: awaiting.map((row) => row.id) } },
          orderBy: { updatedAt: "asc" },
        })
      ).filter((resource) => brandAwaitsIdentity(resource.status, brandDetailsOf(resource.details).identityStatus)),
    );
  let changed = 0;
  let failed = 0;
  for (const resource of open) {
    try {
      if (await refreshFromTwilio(resource, deps)) changed++;
    } catch (error) {
      failed++;
      console.error(`[sync] ${resource.step} ${resource.sid}: ${describeErrorForLog(error)}`);
    }
    if (deps.spacingMs) await sleep(deps.spacingMs);
  }
  await refreshUnsummarizedRows();
  // Codes and links that expired unanswered: the customer is told once (#13 line 6).
  await notifyExpiredVerifications();
  // Toll-free verifications under review: Twilio documents no event for every decision (#29).
  const tollfree = await syncTollfreeVerifications();
  return {
    checked: open.length + tollfree.checked,
    changed: changed + tollfree.changed,
    failed: failed + tollfree.failed,
  };
}

/**
 * Reads one resource from Twilio and records what changed (a status, or newer facts such as an
 * identity status), paced like every brand and campaign request. True when something changed. The
 * sync runs it on everything still open; the event sink on a brand whose event carries no status
 * (brand-registered "doesn't reflect the verification status": the brand is read to know it), and
 * keeps the event's facts unless the read brings a new status (`statusNewsOnly`).
 */
export async function refreshFromTwilio(
  resource: TwilioResource,
  deps: SyncDeps,
  options: { statusNewsOnly?: boolean } = {},
): Promise<boolean> {
  // Brand and campaign fetches wait for the account's one-per-second slot (the gateway's pacing).
  const account: TwilioAccount = {
    ...(await deps.accountFor(resource.accountSid)),
    pacing: { spacingMs: deps.brandSpacingMs },
  };
  const fetched = await withRetry(
    async () => {
      if (["customer-profile", "trust-product", "shaken-stir"].includes(resource.step)) {
        const kind = resource.step === "customer-profile" ? "customer-profile" : "trust-product";
        const bundle = await fetchBundle(account, kind, resource.sid);
        return { status: bundle.status, details: bundle.errors?.length ? { errors: bundle.errors } : undefined };
      }
      if (resource.step === "campaign") {
        const known = campaignLedgerDetails(resource.details);
        if (!known) throw new Error("the ledger has no Messaging Service for this campaign");
        const campaign = await fetchCampaign(account, known.messagingServiceSid, resource.sid);
        return {
          status: campaign.campaignStatus,
          details: {
            ...known,
            campaignId: campaign.campaignId ?? null,
            errors: normalizeRegistrationErrors(campaign.errors),
          },
        };
      }
      const brand = await fetchBrand(account, resource.sid);
      return { status: brand.status, details: normalizeBrandDetails(brand as unknown as Record<string, unknown>) };
    },
    deps.retry ?? { attempts: 4, baseMs: 1000, maxMs: 10_000 },
  );
  // What the portal holds now, not when the read began: an event may have brought facts meanwhile
  // (a status that moved meanwhile is as new as this read or newer, and wins: see `supersedes`).
  const latest = (await db.twilioResource.findUnique({ where: { id: resource.id } })) ?? resource;
  // The API has no identity status for a failed secondary vetting: what an event said
  // (vetting_failed) is kept over the API's less specific unverified.
  if (latest.step === "brand" && fetched.details && "identityStatus" in fetched.details) {
    const known = brandDetailsOf(latest.details).identityStatus;
    const read = fetched.details.identityStatus as string | null;
    if (known === "VETTING_FAILED" && !brandReady("APPROVED", read))
      (fetched.details as { identityStatus: string | null }).identityStatus = known;
  }
  if (fetched.status !== resource.status) {
    return recordTwilioStatus(latest, {
      status: fetched.status,
      ...(fetched.details ? { details: fetched.details as never } : {}),
      source: "sync",
      // Twilio's answer is as old as this read: a status that moved meanwhile (a callback or an
      // event) is as new or newer, and the next sync looks again.
      supersedes: (current) => current.status === resource.status,
    });
  }
  if (options.statusNewsOnly) return false;
  if (fetched.details && !sameJson(fetched.details, latest.details)) {
    // Same status, newer facts (a brand score, an identity status): kept without a status change,
    // and a brand whose identity this verifies is announced as ready.
    return recordTwilioDetails(latest, fetched.details as never);
  }
  // Looked at: to the back of the queue.
  await db.twilioResource.update({ where: { id: resource.id }, data: { updatedAt: new Date() } });
  return false;
}
