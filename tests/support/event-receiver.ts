import { createHash } from "node:crypto";
import { createServer } from "node:http";

import { db } from "@/lib/server/db";
import { twilioSignature } from "@/sandbox/core/signature";
import type { SandboxServerOptions } from "@/sandbox/server";

import { aimPortalAtSandbox } from "./portal-twilio-env";
import { startTestSandbox, type TestSandbox } from "./sandbox-harness";

type RouteHandler = (request: Request, context: unknown) => Promise<Response>;

/**
 * The portal's Twilio webhook routes (`/api/twilio/events`, `/api/twilio/status-callback`) behind
 * a real HTTP port, so a test sandbox can deliver to them as Twilio would. Returns the base URL to
 * use as the portal's public URL (the one Twilio signs).
 */
export async function startWebhookReceiver(): Promise<{ publicBaseUrl: string; close: () => Promise<void> }> {
  const routes: Record<string, RouteHandler> = {
    "/api/twilio/events": ((await import("@/app/api/twilio/events/route")) as unknown as { POST: RouteHandler }).POST,
    "/api/twilio/status-callback": (
      (await import("@/app/api/twilio/status-callback/route")) as unknown as { POST: RouteHandler }
    ).POST,
  };
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", async () => {
      const url = new URL(req.url ?? "/", "http://portal.test");
      const handler = routes[url.pathname];
      if (!handler) return void res.writeHead(404).end();
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      const response = await handler(new Request(url, { method: "POST", headers, body }), {});
      res.writeHead(response.status).end(await response.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    publicBaseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * A test sandbox whose status callbacks and Event Streams events reach the portal's routes: the
 * portal's public URL (Settings) is the receiver's, so provisioning sets the account's Sink and
 * Subscription up there, as it would at Twilio. `close` stops both.
 */
export async function startSandboxWithEventSink(
  options: SandboxServerOptions = {},
): Promise<{ sandbox: TestSandbox; close: () => Promise<void> }> {
  const receiver = await startWebhookReceiver();
  const sandbox = await startTestSandbox(options);
  aimPortalAtSandbox(sandbox.url);
  await db.isvSettings.upsert({
    where: { id: 1 },
    create: { id: 1, publicBaseUrl: receiver.publicBaseUrl },
    update: { publicBaseUrl: receiver.publicBaseUrl },
  });
  return {
    sandbox,
    close: async () => {
      await sandbox.close();
      await receiver.close();
    },
  };
}

/**
 * A batch of events posted as Event Streams posts it to the portal's sink: the body's SHA-256 in
 * the URL's `bodySHA256`, the URL signed with `token` (X-Twilio-Signature). `tamper` changes the
 * body after signing.
 */
export function signedEventsRequest(
  publicBaseUrl: string,
  body: string,
  token: string,
  tamper?: (body: string) => string,
): Request {
  const url = `${publicBaseUrl}/api/twilio/events?bodySHA256=${createHash("sha256").update(body).digest("hex")}`;
  return new Request(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-twilio-signature": twilioSignature(token, url, {}) },
    body: tamper ? tamper(body) : body,
  });
}
