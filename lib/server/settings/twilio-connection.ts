import "server-only";

import { env } from "../env";

/** What the settings page may show of the Twilio connection: never the auth token. */
export function twilioConnectionSummary(): { modeLabel: string; accountSid: string | null } {
  const settings = env();
  if (!settings.TWILIO_ACCOUNT_SID) return { modeLabel: "Not configured", accountSid: null };
  const modeLabel = settings.TWILIO_SANDBOX_URL ? `Local sandbox (${settings.TWILIO_SANDBOX_URL})` : "Live Twilio";
  return { modeLabel, accountSid: settings.TWILIO_ACCOUNT_SID };
}
