import "server-only";

import { env } from "../env";
import { isvCredentials } from "../twilio/account-credentials";
import { readOnlyTwilioAccount } from "../twilio/read-only-client";
import type { AdoptionHandles } from "./adoption-run";

/**
 * The adoption scan's Twilio: the ISV's account and its subaccounts on clients that send GET
 * requests only, so no code path of the scan can write at Twilio or cost a fee.
 */
export function readOnlyAdoptionHandles(): AdoptionHandles {
  const sandboxUrl = env().TWILIO_SANDBOX_URL ?? null;
  return {
    isv: readOnlyTwilioAccount(isvCredentials(), sandboxUrl),
    accountFor: (credentials) => readOnlyTwilioAccount(credentials, sandboxUrl),
  };
}
