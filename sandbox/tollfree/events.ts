import type { AccountRecord, StoredResource } from "../core/store";
import type { A2pEvent } from "../events/a2p-events";

/**
 * The one toll-free verification event Twilio documents with a payload: "Verification Edited",
 * `com.twilio.messaging.compliance.toll-free-verification.edit`, schema `TollFree.VerificationEdit/2`
 * (https://www.twilio.com/docs/events/event-types/toll-free/verification): exactly its keys, in its
 * casing (all lower case), `processeddate` in epoch milliseconds and `verificationstatus` in lower
 * case ("in_review" in the example). Sent when a verification is edited. Other toll-free event types
 * and their payloads are unpublished here: the sandbox sends none, and the portal's sync (and its
 * handler, which takes any `toll-free-verification.*` event and fetches the verification) covers them.
 */
export const TOLLFREE_EDIT_EVENT = "com.twilio.messaging.compliance.toll-free-verification.edit";

export function verificationEditedEvent(
  verification: StoredResource,
  account: AccountRecord | undefined,
  now: number,
): A2pEvent {
  const f = verification.fields;
  return {
    type: TOLLFREE_EDIT_EVENT,
    schema: "TollFree.VerificationEdit/2",
    source: `/v1/Tollfree/Verifications/${verification.sid}`,
    data: {
      accountsid: verification.accountSid,
      parentaccountsid: account?.parentSid ?? verification.accountSid,
      tollfreeverificationsid: verification.sid,
      phonenumbersid: String(f.tollfree_phone_number_sid),
      customerprofilesid: (f.customer_profile_sid as string | null) ?? null,
      regulateditemsid: (f.regulated_item_sid as string | null) ?? null,
      trustproductsid: (f.trust_product_sid as string | null) ?? null,
      processeddate: now,
      verificationstatus: String(f.status).toLowerCase(),
    },
  };
}
