import "server-only";
import { twilioClient } from "../client";
import { env } from "../../env";
import { syncStatuses } from "./sync-statuses";

/** The sync as the portal runs it (cron route and `npm run sync`): at most ~5 requests a second. */
export function runPortalSync() {
  return syncStatuses({
    clientFor: (accountSid) => twilioClient(accountSid === env().TWILIO_ACCOUNT_SID ? undefined : accountSid),
    spacingMs: 200,
  });
}
