import { copyFileSync, existsSync } from "node:fs";

/**
 * Loads .env into process.env for scripts run outside Next.js (which loads it itself). Variables
 * already set in the environment win. With `createFromExample`, a first run copies .env.example,
 * whose values work for the embedded mode.
 */
export function loadLocalEnv({ createFromExample = false } = {}): void {
  if (!existsSync(".env") && createFromExample && existsSync(".env.example")) {
    copyFileSync(".env.example", ".env");
    console.info("[setup] created .env from .env.example (embedded defaults)");
  }
  if (existsSync(".env")) process.loadEnvFile(".env");
}
