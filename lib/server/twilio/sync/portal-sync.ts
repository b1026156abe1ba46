import "server-only";
import { twilioClient } from "../client";
import { credentialsForAccount, SubaccountCredentialsMissingError } from "../account-credentials";
import { syncStatuses } from "./sync-statuses";

/** The sync as the portal runs it (cron route and `npm run sync`): at most ~5 requests a second. */
export function runPortalSync() {
  return syncStatuses({
    clientFor: async (accountSid) => {
      const credentials = await credentialsForAccount(accountSid);
      if (!credentials) throw new SubaccountCredentialsMissingError(accountSid);
      return twilioClient(credentials);
    },
    spacingMs: 200,
  });
}
