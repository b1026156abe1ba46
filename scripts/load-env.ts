import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";

/**
 * Loads .env into process.env for scripts run outside Next.js (which loads it itself, expanding
 * `${NAME}` the same way). Variables already set in the environment win, and `${NAME}` in a value
 * is replaced by NAME's value: .env.example's APP_URL and TWILIO_SANDBOX_URL name `${PORT}` and
 * `${SANDBOX_PORT}`, so `PORT=3001 SANDBOX_PORT=4011 npm run dev` calls its own sandbox and links
 * to its own port. With `createFromExample`, a first run copies .env.example.
 */
export function loadLocalEnv({ createFromExample = false } = {}): void {
  if (!existsSync(".env") && createFromExample && existsSync(".env.example")) {
    copyFileSync(".env.example", ".env");
    console.info("[setup] created .env from .env.example (embedded defaults)");
  }
  if (!existsSync(".env")) return;
  const text = readFileSync(".env", "utf8");
  const unpinned = unpinOldDefaults(text);
  if (createFromExample && unpinned !== text) {
    writeFileSync(".env", unpinned);
    console.info("[setup] .env: APP_URL and TWILIO_SANDBOX_URL now follow PORT and SANDBOX_PORT");
  }
  process.loadEnvFile(".env");
  for (const [name, value] of Object.entries(process.env))
    if (value?.includes("${")) process.env[name] = expandReferences(value, process.env);
}

/** `${NAME}` replaced by NAME's value (empty when unset). */
export function expandReferences(value: string, env: Record<string, string | undefined>): string {
  return value.replace(/\$\{([A-Z0-9_]+)\}/g, (_match, name: string) => env[name] ?? "");
}

/**
 * The lines older versions copied from .env.example pinned the default ports; they were the
 * example's defaults, not a choice, so they become the port-following form.
 */
export function unpinOldDefaults(dotenv: string): string {
  return dotenv
    .replace(/^APP_URL="http:\/\/localhost:3000"$/m, 'APP_URL="http://localhost:${PORT}"')
    .replace(
      /^TWILIO_SANDBOX_URL="http:\/\/127\.0\.0\.1:4010"$/m,
      'TWILIO_SANDBOX_URL="http://127.0.0.1:${SANDBOX_PORT}"',
    );
}
