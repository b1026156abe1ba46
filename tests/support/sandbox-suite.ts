import { afterAll, beforeAll } from "vitest";

import type { SandboxServerOptions } from "@/sandbox/server";

import { startSandboxWithEventSink } from "./event-receiver";
import { configureIsv } from "./provisioning";
import type { TestSandbox } from "./sandbox-harness";

/**
 * The set-up most integration suites share: for the whole file, a sandbox whose callbacks and
 * events reach the portal's routes, and the ISV's settings (primary profile, notification email).
 * `use` receives the sandbox once it runs; it is closed after the file's last test. `options` go to
 * the sandbox (its delays, say).
 */
export function sandboxWithEventSinkForFile(
  use: (sandbox: TestSandbox) => void,
  options: SandboxServerOptions = {},
): void {
  let close: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    const started = await startSandboxWithEventSink(options);
    close = started.close;
    use(started.sandbox);
    await configureIsv();
  });
  afterAll(() => close());
}
