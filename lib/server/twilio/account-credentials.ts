import "server-only";

import { decryptField, encryptField, fieldContext, isEncrypted } from "../crypto/field-cipher";
import { dataKeyring } from "../crypto/keyring";
import { open as openLegacy } from "../crypto/secret-box";
import { db } from "../db";
import { env } from "../env";

/** What the SDK authenticates with: an account's SID and that same account's auth token. */
export type TwilioCredentials = { accountSid: string; authToken: string };

export class TwilioNotConfiguredError extends Error {
  constructor() {
    super(
      "Twilio is not configured: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (and TWILIO_SANDBOX_URL for the local sandbox).",
    );
  }
}

/** A customer's subaccount whose own auth token the portal does not hold (or cannot read). */
export class SubaccountCredentialsMissingError extends Error {
  constructor(accountSid: string) {
    super(
      `The portal holds no readable auth token for subaccount ${accountSid}: set the customer's Twilio account again (Customers → Twilio account).`,
    );
  }
}

/** The ISV's own account, from the environment. */
export function isvCredentials(): TwilioCredentials {
  const settings = env();
  if (!settings.TWILIO_ACCOUNT_SID || !settings.TWILIO_AUTH_TOKEN) throw new TwilioNotConfiguredError();
  return { accountSid: settings.TWILIO_ACCOUNT_SID, authToken: settings.TWILIO_AUTH_TOKEN };
}

/** Where a subaccount's token is kept, bound into its ciphertext (#26 line 4). */
const tokenPlace = (organizationId: string) => fieldContext("Organization", organizationId, "twilioAuthTokenEncrypted");

/** A subaccount's auth token as stored: encrypted under the data keys (rotated with them), bound to its organization. */
export function sealAuthToken(authToken: string, organizationId: string): string {
  return encryptField(authToken, dataKeyring(), tokenPlace(organizationId));
}

/**
 * The stored token in clear, or null when it cannot be read (a key no longer listed, or a value
 * moved from another organization). Tokens stored before decision 0010 were sealed with a key
 * derived from AUTH_SECRET (`v1.` prefix) and are still read; `npm run data:rotate-key` moves them
 * to the data keys.
 */
export function openAuthToken(sealed: string, organizationId: string): string | null {
  if (sealed.startsWith("v1.")) return openLegacy(sealed, env().AUTH_SECRET);
  if (!isEncrypted(sealed)) return null;
  try {
    return decryptField(sealed, dataKeyring(), tokenPlace(organizationId));
  } catch {
    return null;
  }
}

/**
 * The credentials that act in a customer's account. Trust Hub and Messaging (v1 hosts) act on the
 * account that owns the credentials, so a subaccount's resources are reached only with its own
 * SID and auth token (Twilio's subaccount docs; shared/notes/live-twilio.md §1; decision 0010).
 */
export function organizationCredentials(organization: {
  id: string;
  twilioAccountSid: string | null;
  twilioAuthTokenEncrypted?: string | null;
}): TwilioCredentials {
  if (!organization.twilioAccountSid) return isvCredentials();
  const authToken = organization.twilioAuthTokenEncrypted
    ? openAuthToken(organization.twilioAuthTokenEncrypted, organization.id)
    : null;
  if (!authToken) throw new SubaccountCredentialsMissingError(organization.twilioAccountSid);
  return { accountSid: organization.twilioAccountSid, authToken };
}

/** The credentials of an account the portal works in (the ISV's, or a customer's subaccount), or null. */
export async function credentialsForAccount(accountSid: string): Promise<TwilioCredentials | null> {
  const settings = env();
  if (accountSid === settings.TWILIO_ACCOUNT_SID) return settings.TWILIO_AUTH_TOKEN ? isvCredentials() : null;
  const organization = await db.organization.findFirst({
    where: { twilioAccountSid: accountSid },
    select: { id: true, twilioAccountSid: true, twilioAuthTokenEncrypted: true },
  });
  if (!organization) return null;
  try {
    return organizationCredentials(organization);
  } catch {
    return null;
  }
}
