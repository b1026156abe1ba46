import "server-only";
import twilio from "twilio";
import { db } from "../../db";
import { env } from "../../env";
import { recordTwilioStatus } from "../status/record-status";
import { credentialsForAccount } from "../account-credentials";

/** The order statuses move in: a status never goes back to an earlier one. */
const RANK: Record<string, number> = {
  draft: 0,
  "pending-review": 1,
  "in-review": 2,
  "twilio-rejected": 3,
  "twilio-approved": 3,
};

export type CallbackOutcome = { status: 403 | 200; result: "forged" | "unknown" | "stale" | "unchanged" | "updated" };

/** The auth token Twilio signs with: the ISV's for its own account, a customer subaccount's own for that subaccount. */
async function signingToken(accountSid: string | undefined): Promise<string | null> {
  return accountSid ? ((await credentialsForAccount(accountSid))?.authToken ?? null) : null;
}

/**
 * A Trust Hub status callback: refused (403) unless X-Twilio-Signature is Twilio's signature of
 * this URL and parameters; idempotent; an older status arriving after a newer one is ignored.
 */
export async function handleStatusCallback(
  publicUrl: string,
  signature: string | null,
  params: Record<string, string>,
): Promise<CallbackOutcome> {
  const token = await signingToken(params.AccountSid);
  if (!token || !signature || !twilio.validateRequest(token, signature, publicUrl, params))
    return { status: 403, result: "forged" };

  // The bundle must belong to the account whose token signed the callback: one customer's
  // subaccount token can never move another organization's profile.
  const resource = await db.twilioResource.findFirst({
    where: {
      sid: params.BundleSid ?? "",
      accountSid: params.AccountSid ?? "",
      step: { in: ["customer-profile", "trust-product"] },
    },
  });
  if (!resource || !params.Status || !(params.Status in RANK)) return { status: 200, result: "unknown" };
  if (params.Status === resource.status) return { status: 200, result: "unchanged" };
  const at = parseDate(params.DateUpdated);
  const since = resource.statusUpdatedAt;
  // Without a date a callback cannot claim to be the newest: only a later stage in the order counts.
  const laterStage = RANK[params.Status]! > (RANK[resource.status ?? "draft"] ?? 0);
  const laterDate = at !== null && since !== null && at > since;
  const olderDate = at !== null && since !== null && at < since;
  if (olderDate || !(laterStage || laterDate)) return { status: 200, result: "stale" };

  await recordTwilioStatus(resource, { status: params.Status, at: at ?? new Date(), source: "callback" });
  return { status: 200, result: "updated" };
}

function parseDate(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The URL Twilio called, as it signed it: the portal's public base URL, this path and query. */
export async function publicUrlOf(request: Request): Promise<string> {
  const settings = await db.isvSettings.findUnique({ where: { id: 1 } });
  const url = new URL(request.url);
  return new URL(url.pathname + url.search, settings?.publicBaseUrl ?? env().APP_URL).toString();
}
