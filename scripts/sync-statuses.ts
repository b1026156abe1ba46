import { runPortalSync } from "../lib/server/twilio-inbound/portal-sync";
import { loadLocalEnv } from "./load-env";

/** `npm run sync`: refresh bundle and brand statuses from Twilio once (run it on a schedule). */
loadLocalEnv();
runPortalSync()
  .then((result) => {
    console.info(`[sync] checked ${result.checked}, changed ${result.changed}, failed ${result.failed}`);
    process.exit(result.failed ? 1 : 0);
  })
  .catch((error: unknown) => {
    console.error("[sync]", error);
    process.exit(1);
  });
