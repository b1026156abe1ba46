import "server-only";

import { readRejections, type TollfreeRejection } from "@/lib/tollfree/rejection";

import type { TwilioAccount } from "./account";

/**
 * Toll-free verifications (Messaging v1 /v1/Tollfree/Verifications), the gateway's only door to
 * them. What the portal keeps of one is `TollfreeState`: the status and, when rejected, Twilio's
 * reasons and the edit window, read in every shape Twilio may give them (lib/tollfree/rejection.ts).
 */
export type TollfreeState = {
  sid: string;
  status: string;
  phoneNumberSid: string;
  externalReferenceId: string | null;
  rejections: TollfreeRejection[];
  editAllowed: boolean | null;
  /** ISO 8601, or null. */
  editExpiration: string | null;
};

type Instance = {
  sid: string;
  status?: string | null;
  tollfreePhoneNumberSid?: string | null;
  externalReferenceId?: string | null;
  rejectionReasons?: unknown;
  rejectionReason?: unknown;
  errorCode?: unknown;
  editAllowed?: boolean | null;
  editExpiration?: Date | string | null;
};

export function tollfreeState(instance: Instance): TollfreeState {
  const expiration = instance.editExpiration;
  const editExpiration =
    expiration instanceof Date
      ? Number.isNaN(expiration.getTime())
        ? null
        : expiration.toISOString()
      : typeof expiration === "string" && expiration
        ? expiration
        : null;
  return {
    sid: instance.sid,
    status: String(instance.status ?? "").toUpperCase(),
    phoneNumberSid: instance.tollfreePhoneNumberSid ?? "",
    externalReferenceId: instance.externalReferenceId ?? null,
    rejections: readRejections(instance),
    editAllowed: typeof instance.editAllowed === "boolean" ? instance.editAllowed : null,
    editExpiration,
  };
}

type CreateOptions = Parameters<TwilioAccount["sdk"]["messaging"]["v1"]["tollfreeVerifications"]["create"]>[0];
type UpdateOptions = NonNullable<
  Parameters<ReturnType<TwilioAccount["sdk"]["messaging"]["v1"]["tollfreeVerifications"]>["update"]>[0]
>;

export async function createTollfreeVerification(account: TwilioAccount, options: CreateOptions) {
  return tollfreeState(await account.sdk.messaging.v1.tollfreeVerifications.create(options));
}

export async function fetchTollfreeVerification(account: TwilioAccount, sid: string) {
  return tollfreeState(await account.sdk.messaging.v1.tollfreeVerifications(sid).fetch());
}

/** The resubmission of a rejected verification, in place (202): the onboarding guide's "Edit a TFV Request". */
export async function updateTollfreeVerification(account: TwilioAccount, sid: string, options: UpdateOptions) {
  return tollfreeState(await account.sdk.messaging.v1.tollfreeVerifications(sid).update(options));
}

export async function deleteTollfreeVerification(account: TwilioAccount, sid: string): Promise<void> {
  await account.sdk.messaging.v1.tollfreeVerifications(sid).remove();
}

/** The verification created with this reference, if any (Twilio's ExternalReferenceId filter). */
export async function findTollfreeVerificationByReference(
  account: TwilioAccount,
  externalReferenceId: string,
): Promise<TollfreeState | null> {
  const found = await account.sdk.messaging.v1.tollfreeVerifications.list({ externalReferenceId, limit: 20 });
  // A filter Twilio ignored would list others too: only an exact match is ours.
  const ours = found.filter((verification) => verification.externalReferenceId === externalReferenceId);
  return ours.length ? tollfreeState(ours[0]!) : null;
}
