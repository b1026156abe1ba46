/**
 * Runs once when the server starts: a bad environment stops it, naming the variable; then the
 * job engine starts (decision 0017: pg-boss on PostgreSQL, in-process on SQLite) with this
 * instance's workers, so approved applications are provisioned (and unfinished ones resumed)
 * whatever instance or request started them, and applications written before the dashboard existed
 * get their summary row (a job: decision 0008).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { validateEnvOrExit } = await import("./lib/server/validate-env-or-exit");
    validateEnvOrExit();
    const { startPortalJobs } = await import("./lib/server/start-up/portal-jobs");
    void startPortalJobs().catch((error: unknown) =>
      console.error(`[jobs] the job engine did not start: ${(error as Error).message}`),
    );
  }
}
