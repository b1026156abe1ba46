import "server-only";

import { env } from "../env";
import { credentialsForAccount } from "../twilio/account-credentials";

/**
 * Which account's auth token signed a webhook: "isv" for the ISV's own token, which vouches for
 * any of its accounts, else the first of `namedAccounts` (the accounts the webhook speaks of) whose
 * own token validates, else null. Which token Twilio uses for a subaccount's status callbacks and
 * Event Streams sinks is unconfirmed (live-twilio.md §2–3), so both are accepted; a subaccount's
 * token vouches only for that subaccount. `isValidWith` checks the signature with one token.
 */
export async function twilioSigner(
  namedAccounts: Iterable<string>,
  isValidWith: (authToken: string) => boolean,
): Promise<"isv" | string | null> {
  const settings = env();
  if (settings.TWILIO_AUTH_TOKEN && isValidWith(settings.TWILIO_AUTH_TOKEN)) return "isv";
  for (const accountSid of new Set(namedAccounts)) {
    if (accountSid === settings.TWILIO_ACCOUNT_SID) continue;
    const credentials = await credentialsForAccount(accountSid);
    if (credentials && isValidWith(credentials.authToken)) return accountSid;
  }
  return null;
}
