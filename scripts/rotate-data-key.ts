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
    // What could not be read is kept as it was and named (never its value), so an operator can
    // restore the key it needs or have the customer type it again.
    for (const value of report.unreadable)
      console.warn(`[data] not readable, left as it was: ${value.table} ${value.id} ${value.field}`);
    if (report.unreadable.length)
      console.warn(`[data] ${report.unreadable.length} values could not be read; every other value was rotated.`);
    process.exit(0);
  })
  .catch((error: unknown) => {
    console.error(`[data] rotation failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
