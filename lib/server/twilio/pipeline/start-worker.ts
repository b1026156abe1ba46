import { portalProvisioningDeps } from "./portal-deps";
import { startProvisioningWorker } from "./worker";

let started = false;

/** Started once per server process (instrumentation.ts), unless PROVISIONING_WORKER=off. */
export function startPortalWorker(): void {
  if (started || process.env.PROVISIONING_WORKER === "off" || !process.env.TWILIO_ACCOUNT_SID) return;
  started = true;
  startProvisioningWorker(portalProvisioningDeps());
  console.info("[provisioning] worker started");
}
