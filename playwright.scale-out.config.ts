import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

import base from "./playwright.config";

/**
 * #14 line 5: two production instances of the portal on one PostgreSQL (TEST_POSTGRES_URL) and one
 * sandbox. The test starts its own servers (no shared web server) on the build `npm test` made.
 */
export default defineConfig({
  testDir: "tests/e2e-scale-out",
  timeout: 900_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["json", { outputFile: "tests/.tmp/reports/playwright-scale-out.json" }]],
  outputDir: path.join(tmpdir(), "portal-scale-out-results"),
  use: { ...base.use, trace: "off" },
});
