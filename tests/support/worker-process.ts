import { spawn } from "node:child_process";
import path from "node:path";

import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN } from "@/sandbox/defaults";

/**
 * The portal's provisioning worker in a process of its own (scripts/provisioning-worker.ts), aimed
 * at a test sandbox with a short lease, so a test can kill it without warning (SIGKILL) mid-run and
 * watch another worker take over. `output()` is what it printed, for a failure's message.
 */
export function startWorkerProcess(sandboxUrl: string) {
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/provisioning-worker.ts"],
    {
      cwd: path.resolve(__dirname, "../.."),
      env: {
        ...process.env,
        NODE_ENV: "test",
        TWILIO_ACCOUNT_SID: DEFAULT_ACCOUNT_SID,
        TWILIO_AUTH_TOKEN: DEFAULT_AUTH_TOKEN,
        TWILIO_SANDBOX_URL: sandboxUrl,
        PROVISIONING_POLL_MS: "100",
        PROVISIONING_LEASE_MS: "1500",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return {
    output: () => output,
    /** Killed without warning; resolves once the process is gone. */
    kill: async () => {
      child.kill("SIGKILL");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}
