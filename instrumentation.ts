/** Validates the environment when the server starts: a bad variable stops it, naming the variable. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { validateEnvOrExit } = await import("./lib/server/validate-env-or-exit");
    validateEnvOrExit();
  }
}
