import { createServer } from "node:http";
import { startTestSandbox, type TestSandbox } from "./sandbox-harness";

/**
 * The portal's Event Streams route (`/api/twilio/events`) behind a real HTTP port, so a test
 * sandbox can deliver its brand and campaign events to it. Returns the sink URL to give the sandbox.
 */
export async function startEventReceiver(): Promise<{ sinkUrl: string; close: () => Promise<void> }> {
  const { POST } = (await import("@/app/api/twilio/events/route")) as unknown as {
    POST: (request: Request, context: unknown) => Promise<Response>;
  };
  const token = (await import("@/lib/server/twilio/webhooks/event-sink")).eventSinkToken();
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", async () => {
      const response = await POST(
        new Request(`http://portal.test${req.url}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        }),
        {},
      );
      res.writeHead(response.status).end(await response.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    sinkUrl: `http://127.0.0.1:${port}/api/twilio/events?token=${token}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A test sandbox whose Event Streams events reach the portal's route; `close` stops both. */
export async function startSandboxWithEventSink(): Promise<{ sandbox: TestSandbox; close: () => Promise<void> }> {
  const receiver = await startEventReceiver();
  const sandbox = await startTestSandbox({ eventSinkUrl: receiver.sinkUrl });
  return {
    sandbox,
    close: async () => {
      await sandbox.close();
      await receiver.close();
    },
  };
}
