import "server-only";
import twilio, { type Twilio } from "twilio";
import { env } from "../env";
import { SandboxRequestClient, type TwilioCallRecord } from "./sandbox-request-client";

export class TwilioNotConfiguredError extends Error {
  constructor() {
    super(
      "Twilio is not configured: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (and TWILIO_SANDBOX_URL for the local sandbox).",
    );
  }
}

export type TwilioClientOptions = { timeoutMs?: number; onCall?: (call: TwilioCallRecord) => void };

/**
 * The portal's one Twilio client: the official SDK, aimed at the local sandbox when
 * TWILIO_SANDBOX_URL is set and at Twilio itself otherwise. `accountSid` acts in a subaccount:
 * Trust Hub and Messaging take the account from the credentials, so the subaccount's SID is the
 * username, with the ISV's own auth token, which Twilio accepts for its subaccounts.
 */
export function twilioClient(accountSid?: string, options: TwilioClientOptions = {}): Twilio {
  const settings = env();
  if (!settings.TWILIO_ACCOUNT_SID || !settings.TWILIO_AUTH_TOKEN) throw new TwilioNotConfiguredError();
  return twilio(accountSid ?? settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN, {
    httpClient: new SandboxRequestClient(settings.TWILIO_SANDBOX_URL ?? null, options),
  });
}

export function twilioMode(): "sandbox" | "live" | "unconfigured" {
  const settings = env();
  if (!settings.TWILIO_ACCOUNT_SID) return "unconfigured";
  return settings.TWILIO_SANDBOX_URL ? "sandbox" : "live";
}
