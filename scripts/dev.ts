import { spawn, type ChildProcess } from "node:child_process";
import { loadLocalEnv } from "./load-env";
import { eventSinkTokenFor } from "../lib/server/twilio/webhooks/event-sink-token";

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

// The sandbox sends its Event Streams events (brand and campaign statuses) to this portal, as Twilio would.
if (process.env.TWILIO_SANDBOX_URL && !process.env.SANDBOX_EVENT_SINK_URL && process.env.AUTH_SECRET) {
  process.env.SANDBOX_EVENT_SINK_URL = `${process.env.APP_URL}/api/twilio/events?token=${eventSinkTokenFor(process.env.AUTH_SECRET)}`;
}
if (process.env.TWILIO_SANDBOX_URL) run("sandbox", process.execPath, [require.resolve("tsx/cli"), "sandbox/main.ts"]);
run("portal", process.execPath, [require.resolve("next/dist/bin/next"), "dev", "--port", process.env.PORT ?? "3000"]);
