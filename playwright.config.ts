import { defineConfig } from "@playwright/test";

import { E2E } from "./tests/e2e/support/e2e-env";

/**
 * Browser tests: Debian's Chromium (Playwright cannot download its own browsers here) driving the
 * built app (`next build` runs first, see `npm run test:e2e`) on a fresh SQLite database, with a
 * fresh local Twilio sandbox beside it.
 */
export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["json", { outputFile: "tests/.tmp/reports/playwright.json" }]],
  use: {
    baseURL: E2E.baseUrl,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      command: "npx tsx tests/e2e/support/smtp-sink.ts",
      port: E2E.smtpPort,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: "npx tsx sandbox/main.ts",
      url: `${E2E.sandboxUrl}/__sandbox/state`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: E2E.sandboxEnv,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      command: "npx tsx tests/e2e/support/prepare-db.ts && node server.mjs",
      url: `${E2E.baseUrl}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: E2E.serverEnv,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
