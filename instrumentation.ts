/**
 * Runs once when the server starts: a bad environment stops it, naming the variable; then the
 * provisioning worker starts, so approved applications are provisioned (and unfinished ones
 * resumed) whatever request started them; applications written before the dashboard existed get
 * their summary row (decision 0008).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { validateEnvOrExit } = await import("./lib/server/validate-env-or-exit");
    validateEnvOrExit();
    const { startPortalWorker } = await import("./lib/server/twilio/pipeline/start-worker");
    startPortalWorker();
    const { refreshUnsummarizedRows } = await import("./lib/server/dashboard/refresh-dashboard-row");
    void refreshUnsummarizedRows(100_000).catch((error: unknown) =>
      console.error(`[dashboard] summarizing older applications failed: ${(error as Error).message}`),
    );
  }
}
