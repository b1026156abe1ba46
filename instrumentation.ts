/**
 * Runs once when the server starts: a bad environment stops it, naming the variable; then the
 * provisioning worker starts, so approved applications are provisioned (and unfinished ones
 * resumed) whatever request started them.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { validateEnvOrExit } = await import("./lib/server/validate-env-or-exit");
    validateEnvOrExit();
    const { startPortalWorker } = await import("./lib/server/twilio/pipeline/start-worker");
    startPortalWorker();
  }
}
