import { spawnSync } from "node:child_process";

/** `npm run data:rotate-key` as an operator runs it, in production mode, with `keys` as DATA_ENCRYPTION_KEYS. */
export function runRotateDataKey(keys: string) {
  const run = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/rotate-data-key.ts"],
    {
      encoding: "utf8",
      env: {
        ...process.env,
        NODE_ENV: "production",
        APP_URL: "https://portal.test",
        MAIL_OUTBOX_DIR: "",
        DATA_ENCRYPTION_KEYS: keys,
      },
      timeout: 60_000,
    },
  );
  return { status: run.status, output: run.stdout + run.stderr };
}
