import "server-only";

import twilio, { type Twilio } from "twilio";

import { env } from "../env";
import type { TwilioAccount } from "./account";
import {
  credentialsForAccount,
  isvCredentials,
  SubaccountCredentialsMissingError,
  type TwilioCredentials,
} from "./account-credentials";
import { TwilioHttpClient, type TwilioCallRecord } from "./http-client";

export { TwilioNotConfiguredError } from "./account-credentials";

export type TwilioClientOptions = { timeoutMs?: number; onCall?: (call: TwilioCallRecord) => void };

/**
 * The portal's one Twilio client: the official SDK, aimed at the local sandbox when
 * TWILIO_SANDBOX_URL is set and at Twilio itself otherwise. It acts in the account whose
 * credentials it is given (the ISV's by default): for a customer's subaccount, that subaccount's
 * own SID and auth token (`organizationCredentials`), never the ISV's token (decision 0010).
 */
export function twilioClient(
  credentials: TwilioCredentials = isvCredentials(),
  options: TwilioClientOptions = {},
): Twilio {
  return twilio(credentials.accountSid, credentials.authToken, {
    httpClient: new TwilioHttpClient(env().TWILIO_SANDBOX_URL ?? null, options),
  });
}

/** An account the portal works in, as the gateway takes it: its SID and a client with its own credentials. */
export function twilioAccount(
  credentials: TwilioCredentials = isvCredentials(),
  options: TwilioClientOptions = {},
): TwilioAccount {
  return { sid: credentials.accountSid, sdk: twilioClient(credentials, options) };
}

/** An account the portal works in (the ISV's or a customer's subaccount), by its SID. */
export async function accountBySid(accountSid: string, options: TwilioClientOptions = {}): Promise<TwilioAccount> {
  const credentials = await credentialsForAccount(accountSid);
  if (!credentials) throw new SubaccountCredentialsMissingError(accountSid);
  return twilioAccount(credentials, options);
}

export function twilioMode(): "sandbox" | "live" | "unconfigured" {
  const settings = env();
  if (!settings.TWILIO_ACCOUNT_SID) return "unconfigured";
  return settings.TWILIO_SANDBOX_URL ? "sandbox" : "live";
}
