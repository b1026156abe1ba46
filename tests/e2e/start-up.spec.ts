import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";

import { E2E } from "./support/e2e-env";

/** Starts the built server with a broken environment and collects what it prints until it exits. */
function startServer(overrides: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    // An empty value counts as unset, and keeps Next.js from filling it in from a local .env file.
    const env = { ...process.env, ...E2E.serverEnv, ...overrides };
    const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(E2E.port + 50)], {
      env,
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the server did not stop within 30 s:\n${output}`));
    }, 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test("a missing variable stops start-up with a message naming it", async () => {
  const { code, output } = await startServer({ AUTH_SECRET: "" });
  expect(code).toBe(1);
  expect(output).toContain("Invalid environment, the portal cannot start:");
  expect(output).toContain("AUTH_SECRET is required");
});

test("an invalid variable stops start-up with a message naming it", async () => {
  const { code, output } = await startServer({ DATABASE_URL: "mysql://nope", APP_URL: "http://portal.isv.example" });
  expect(code).toBe(1);
  expect(output).toContain("DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)");
  expect(output).toContain("APP_URL must use https in production");
});
