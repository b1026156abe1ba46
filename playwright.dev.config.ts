import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

import base from "./playwright.config";

/**
 * Browser tests of `npm run dev` itself (tests/e2e-dev): each test starts its own development
 * servers and sandboxes, so there is no shared web server here.
 */
export default defineConfig({
  testDir: "tests/e2e-dev",
  timeout: 600_000,
  expect: { timeout: 15_000 },
  workers: 1,
  // A development server compiles on demand and its timing varies with the machine: one retry in CI.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["json", { outputFile: "tests/.tmp/reports/playwright-dev.json" }]],
  // Outside the project: a development server reloads its open pages whenever files under the
  // project change, and Playwright writes its artifacts while the test runs.
  outputDir: path.join(tmpdir(), "portal-dev-test-results"),
  use: { ...base.use, trace: "off" },
});
