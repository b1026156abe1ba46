import { spawn, type ChildProcess } from "node:child_process";

import { loadLocalEnv } from "./load-env";

/**
 * `npm run dev`: the local Twilio sandbox and the portal side by side (setup ran in `predev`).
 * Either one exiting stops the other; Ctrl-C stops both.
 */
loadLocalEnv();
const children: ChildProcess[] = [];
const run = (name: string, command: string, args: string[]) => {
  const child = spawn(command, args, { stdio: "inherit", env: process.env });
  child.on("exit", (code) => {
    console.info(`[dev] ${name} exited (${code ?? "signal"}); stopping`);
    shutdown(code ?? 0);
  });
  children.push(child);
};

let stopping = false;
function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 500);
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

// Brand and campaign events reach this portal as at Twilio: provisioning creates an Event Streams
// Sink and Subscription in each account, pointing at the public URL in Settings.
if (process.env.TWILIO_SANDBOX_URL) run("sandbox", process.execPath, [require.resolve("tsx/cli"), "sandbox/main.ts"]);
run("portal", process.execPath, [require.resolve("next/dist/bin/next"), "dev", "--port", process.env.PORT ?? "3000"]);
