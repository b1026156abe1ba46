import { existsSync } from "node:fs";
import path from "node:path";

import { DEFAULT_PORT } from "./defaults";
import { seedExistingIsv } from "./seeds/existing-isv";
import { startSandbox } from "./server";

/**
 * `npm run sandbox`: the local Twilio simulator on SANDBOX_PORT (default 4010), its state kept in
 * SANDBOX_STATE_FILE (default data/sandbox-state.json) so a demo survives a restart.
 */
// Same .env as the portal; variables already set win.
if (existsSync(".env")) process.loadEnvFile(".env");

const seconds = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
const mode = process.env.SANDBOX_MODE ?? "dev";

async function main() {
  const running = await startSandbox({
    port: Number(process.env.SANDBOX_PORT ?? DEFAULT_PORT),
    host: process.env.SANDBOX_HOST ?? "127.0.0.1",
    // Unset: beside the portal's data; empty: in memory only.
    stateFile:
      process.env.SANDBOX_STATE_FILE === undefined
        ? path.resolve("data/sandbox-state.json")
        : process.env.SANDBOX_STATE_FILE || null,
    controlApi: mode === "dev" || mode === "test",
    latencyMs: seconds("SANDBOX_LATENCY_MS") ?? 0,
    delays: {
      reviewSeconds: seconds("SANDBOX_REVIEW_DELAY_SECONDS"),
      approvalSeconds: seconds("SANDBOX_APPROVAL_DELAY_SECONDS"),
      brandSeconds: seconds("SANDBOX_BRAND_DELAY_SECONDS"),
      campaignSeconds: seconds("SANDBOX_CAMPAIGN_DELAY_SECONDS"),
    },
    log: (line) => console.info(line),
  });
  console.info(`[sandbox] Twilio sandbox listening on ${running.url} (control API ${mode === "prod" ? "off" : "on"})`);
  // SANDBOX_SEED=existing-isv[:count]: an ISV with customers registered before the portal (#28 line 1),
  // built once, into an empty state.
  const seed = /^existing-isv(?::(\d+))?$/.exec(process.env.SANDBOX_SEED ?? "");
  if (seed && running.sandbox.store.list("BrandRegistration").length === 0) {
    const count = Number(seed[1] ?? 200);
    console.info(`[sandbox] building an existing ISV with ${count} customers…`);
    const customers = await seedExistingIsv(running.url, { count });
    const shapes = new Map<string, number>();
    for (const { shape } of customers) shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
    console.info(`[sandbox] existing ISV ready: ${[...shapes].map(([shape, n]) => `${n} ${shape}`).join(", ")}`);
  }
  const stop = async () => {
    await running.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  console.error(`[sandbox] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
