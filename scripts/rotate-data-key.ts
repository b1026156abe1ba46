import { loadLocalEnv } from "./load-env";

/** `npm run data:rotate-key`: see lib/server/operations/rotate-data-key.ts and docs/deployment.md. */
loadLocalEnv();
import("../lib/server/operations/rotate-data-key")
  .then(({ rotateDataKey }) => rotateDataKey())
  .then((report) => {
    console.info(
      `[data] ${report.reencrypted} of ${report.applications} applications re-encrypted with key "${report.currentKeyId}"; ` +
        `${report.subaccountTokens} subaccount tokens re-encrypted; keys in use: ${report.keyIdsInUse.join(", ") || "none"}`,
    );
    process.exit(0);
  })
  .catch((error: unknown) => {
    console.error(`[data] rotation failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
