import "server-only";

import { accountBySid } from "../twilio/client";
import { syncStatuses } from "./sync-statuses";

/** The sync as the portal runs it (cron route and `npm run sync`): at most ~5 requests a second. */
export function runPortalSync() {
  return syncStatuses({ accountFor: (accountSid) => accountBySid(accountSid), spacingMs: 200 });
}
