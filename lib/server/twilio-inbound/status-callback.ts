import "server-only";

import type { TwilioResource } from "@prisma/client";

import { db } from "../db";
import { validFormSignature } from "../twilio/signatures";
import { recordTwilioStatus } from "./record-status";
import { twilioSigner } from "./twilio-signer";

/** The order statuses move in: a status never goes back to an earlier one. */
const RANK: Record<string, number> = {
  draft: 0,
  "pending-review": 1,
  "in-review": 2,
  "twilio-rejected": 3,
  "twilio-approved": 3,
};

export type CallbackOutcome = { status: 403 | 200; result: "forged" | "unknown" | "stale" | "unchanged" | "updated" };

/**
 * A Trust Hub status callback as Twilio posts it. Twilio publishes no contract (live-twilio.md §2):
 * handlers of live callbacks read AccountSid, BundleSid, Status and FailureReason; other spellings
 * and a DateUpdated are read when present.
 */
function readCallback(params: Record<string, string>) {
  const first = (...names: string[]) => names.map((name) => params[name]).find((value) => value) ?? null;
  return {
    accountSid: first("AccountSid", "account_sid"),
    bundleSid: first("BundleSid", "bundle_sid", "CustomerProfileSid", "TrustProductSid", "Sid"),
    status: first("Status", "status", "BundleStatus"),
    failureReason: first("FailureReason", "failure_reason", "FailureReasons"),
    dateUpdated: first("DateUpdated", "date_updated"),
  };
}

/**
 * A Trust Hub status callback: refused (403) unless X-Twilio-Signature is Twilio's signature of
 * this URL and parameters; idempotent (Twilio sends the same callback more than once); an older
 * status arriving after a newer one is ignored.
 */
export async function handleStatusCallback(
  publicUrl: string,
  signature: string | null,
  params: Record<string, string>,
): Promise<CallbackOutcome> {
  const callback = readCallback(params);
  // Signed by the bundle owner's token (Twilio staff say a subaccount's webhooks are) or the ISV's.
  const signer =
    callback.accountSid && signature
      ? await twilioSigner([callback.accountSid], (token) => validFormSignature(token, signature, publicUrl, params))
      : null;
  if (!signer) return { status: 403, result: "forged" };

  // The bundle must belong to the account named (and whose token signed): one customer's
  // subaccount token can never move another organization's profile.
  const resource = await db.twilioResource.findFirst({
    where: {
      sid: callback.bundleSid ?? "",
      accountSid: callback.accountSid ?? "",
      step: { in: ["customer-profile", "trust-product", "shaken-stir"] },
    },
  });
  const status = callback.status;
  if (!resource || !status || !(status in RANK)) return { status: 200, result: "unknown" };
  if (status === resource.status) return { status: 200, result: "unchanged" };
  const at = parseDate(callback.dateUpdated ?? undefined);
  const applied = await recordTwilioStatus(resource, {
    status,
    at: at ?? new Date(),
    source: "callback",
    supersedes: (current) => callbackSupersedes(status, at, current),
    ...(callback.failureReason ? { failureReason: callback.failureReason } : {}),
  });
  // Not applied: an older stage or date, or another callback, event or sync moved the status first.
  return { status: 200, result: applied ? "updated" : "stale" };
}

/** Whether a callback's status may replace the one recorded. */
function callbackSupersedes(status: string, at: Date | null, current: TwilioResource): boolean {
  const since = current.statusUpdatedAt;
  // Without a date a callback cannot claim to be the newest: only a later stage in the order counts.
  const laterStage = RANK[status]! > (RANK[current.status ?? "draft"] ?? 0);
  const laterDate = at !== null && since !== null && at > since;
  const olderDate = at !== null && since !== null && at < since;
  return !olderDate && (laterStage || laterDate);
}

function parseDate(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
