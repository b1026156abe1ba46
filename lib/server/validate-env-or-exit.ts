import { EnvError, parseEnv } from "./env-schema";

/** Start-up check: print which variables are missing or invalid, then stop the server. */
export function validateEnvOrExit(): void {
  try {
    parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
