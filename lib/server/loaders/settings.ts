import "server-only";

import { getIsvSettings } from "../settings/isv-settings";
import { twilioConnectionSummary } from "../settings/twilio-connection";
import { twilioSettings } from "../settings/twilio-settings";

/** The administrators' settings page, read at once. */
export async function loadSettings() {
  const [settings, twilioValues] = await Promise.all([getIsvSettings(), twilioSettings()]);
  return { settings, twilio: twilioConnectionSummary(), twilioValues };
}
