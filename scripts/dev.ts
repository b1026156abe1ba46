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

/**
 * The development server compiles a route the first time it is asked for: seconds in which the
 * routes anyone may call (sign-in, Auth.js, Twilio's webhooks) answer slowly. They are asked once as
 * soon as the portal is up, so that the first real caller, or a probe of how they refuse abuse,
 * meets a compiled route (#26). The answers themselves do not matter.
 */
void (async () => {
  const base = `http://127.0.0.1:${process.env.PORT ?? "3000"}`;
  for (let attempt = 0; attempt < 240; attempt++) {
    const up = await fetch(`${base}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const warm = [
    ["GET", "/api/ready"],
    ["GET", "/api/auth/session"],
    ["GET", "/api/auth/warm-up"],
    ["POST", "/api/twilio/events"],
    ["POST", "/api/twilio/status-callback"],
    ["POST", "/api/cron/sync"],
    ["GET", "/sign-in"],
  ] as const;
  for (const [method, path] of warm)
    await fetch(`${base}${path}`, { method, body: method === "POST" ? "{}" : undefined }).catch(() => undefined);
  console.info("[dev] public routes compiled");
})();
