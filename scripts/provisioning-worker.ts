import { startPortalJobs } from "../lib/server/start-up/portal-jobs";
import { loadLocalEnv } from "./load-env";

/**
 * `npm run worker`: the job workers as their own process, beside portal instances started with
 * PROVISIONING_WORKER=off (or as well as them: pg-boss hands each job to one worker, and the
 * ProvisioningJob lease keeps each application with one run). On SQLite the jobs live in the
 * server's process, so this is for PostgreSQL. Run with the react-server condition so
 * `server-only` modules load outside Next.js.
 */
loadLocalEnv();
startPortalJobs()
  .then(() => console.info("[jobs] worker process started"))
  .catch((error: unknown) => {
    console.error("[jobs] the job engine did not start:", error);
    process.exit(1);
  });
setInterval(() => undefined, 1 << 30);
