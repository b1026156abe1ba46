import { portalProvisioningDeps } from "../lib/server/twilio/pipeline/portal-deps";
import { startProvisioningWorker } from "../lib/server/twilio/pipeline/worker";
import { loadLocalEnv } from "./load-env";

/**
 * `npm run worker`: the provisioning worker as its own process (the portal's server also runs one;
 * any number can run side by side, the job lease keeps each application with one worker). Run with
 * the react-server condition so `server-only` modules load outside Next.js.
 */
loadLocalEnv();
startProvisioningWorker(portalProvisioningDeps(), Number(process.env.PROVISIONING_POLL_MS ?? 2000));
console.info("[provisioning] worker process started");
setInterval(() => undefined, 1 << 30);
