import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { apiRoutes, pricingRoutes } from "./api/routes";
import { controlRoutes } from "./control";
import type { RequestContext } from "./core/context";
import { TwilioError } from "./core/errors";
import { parseForm } from "./core/form";
import { match, type Answer } from "./core/router";
import { eventsRoutes } from "./events/routes";
import { faultError, takeFault } from "./faults";
import { messagingRoutes } from "./messaging/routes";
import { Sandbox, type SandboxOptions } from "./sandbox";
import { tollfreeRoutes } from "./tollfree/routes";
import { trusthubRoutes } from "./trusthub/routes";

const routes = [
  ...trusthubRoutes,
  ...apiRoutes,
  ...pricingRoutes,
  ...messagingRoutes,
  ...tollfreeRoutes,
  ...eventsRoutes,
];

export type SandboxServerOptions = SandboxOptions & {
  port?: number;
  host?: string;
  /** The /__sandbox/ control API (on in dev and test modes, off otherwise). */
  controlApi?: boolean;
  /** How often scheduled transitions are checked, in ms. */
  tickMs?: number;
  /**
   * Added before every Twilio API answer, in ms (SANDBOX_LATENCY_MS): Twilio's own round trip, for
   * benchmarks that compare the pipeline with its critical path (#15). The control API is not slowed.
   */
  latencyMs?: number;
};

/** One Twilio API request as the sandbox saw it (GET /__sandbox/requests): the request log. */
export type LoggedRequest = {
  /** When it arrived and when it was answered (ms since the epoch, real time). */
  at: number;
  answeredAt: number;
  method: string;
  path: string;
  accountSid: string | null;
  status: number;
};
// The newest requests are kept, enough for a few hundred customers' provisioning.
const REQUEST_LOG_SIZE = 50_000;

export type RunningSandbox = {
  url: string;
  port: number;
  sandbox: Sandbox;
  server: Server;
  /** The request log (GET /__sandbox/requests). */
  requests: LoggedRequest[];
  /** Changes the added latency from now on (benchmarks seed quickly, then measure at 200 ms). */
  setLatencyMs: (ms: number) => void;
  close: () => Promise<void>;
};

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function send(response: ServerResponse, answer: Answer): void {
  if (answer.status === 204) {
    response.writeHead(204).end();
    return;
  }
  const body = JSON.stringify(answer.body);
  response
    .writeHead(answer.status, {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Length": Buffer.byteLength(body),
    })
    .end(body);
}

/**
 * One HTTP server for Twilio's three API domains (routed by path, as the hosts never overlap):
 * trusthub.twilio.com/v1, messaging.twilio.com/v1 and api.twilio.com/2010-04-01.
 */
export async function startSandbox(options: SandboxServerOptions = {}): Promise<RunningSandbox> {
  const sandbox = new Sandbox(options);
  const controlEnabled = options.controlApi ?? true;
  const requests: LoggedRequest[] = [];
  let latencyMs = options.latencyMs ?? 0;
  const latency = () => (latencyMs ? new Promise((resolve) => setTimeout(resolve, latencyMs)) : Promise.resolve());

  // The handler catches its own errors (answered as Twilio would); node:http ignores its promise.
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://sandbox.local");
    const method = (request.method ?? "GET").toUpperCase();
    try {
      const text = await readBody(request);
      if (url.pathname.startsWith("/__sandbox/")) {
        if (!controlEnabled) throw new TwilioError(404, 20404, `The requested resource ${url.pathname} was not found`);
        if (url.pathname === "/__sandbox/latency" && method === "POST") {
          const ms = (JSON.parse(text || "{}") as { ms?: unknown }).ms;
          if (typeof ms !== "number" || !(ms >= 0)) throw new TwilioError(400, 20001, 'Send {"ms": N} with N ≥ 0');
          latencyMs = ms;
          send(response, { status: 200, body: { latencyMs } });
          return;
        }
        if (url.pathname === "/__sandbox/requests") {
          if (method === "DELETE") requests.length = 0;
          send(response, { status: 200, body: { requests } });
          return;
        }
        const { route, params } = match(controlRoutes, method, url.pathname);
        const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
        send(response, await route.handle({ sandbox, body }, params));
        return;
      }
      const entry: LoggedRequest = {
        at: Date.now(),
        answeredAt: 0,
        method,
        path: url.pathname,
        accountSid: null,
        status: 0,
      };
      requests.push(entry);
      if (requests.length > REQUEST_LOG_SIZE) requests.splice(0, requests.length - REQUEST_LOG_SIZE);
      response.once("finish", () => {
        entry.answeredAt = Date.now();
        entry.status = response.statusCode;
      });
      await latency();
      const account = sandbox.authenticate(request.headers.authorization);
      entry.accountSid = account.sid;
      const fault = takeFault(sandbox.faults, method, url.pathname);
      if (fault?.status === "reset") {
        request.socket.destroy();
        return;
      }
      if (fault?.status === "timeout") return; // never answered; the client gives up
      if (typeof fault?.status === "number") throw faultError(fault.status);
      sandbox.tick();
      const { route, params } = match(routes, method, url.pathname);
      const ctx: RequestContext = {
        sandbox,
        account,
        method,
        pathname: url.pathname,
        body: parseForm(text),
        query: parseForm(url.search.slice(1)),
      };
      const answer = await route.handle(ctx, params);
      // Carried out, but the answer is lost on the way back.
      if (fault?.status === "reset-after") return void request.socket.destroy();
      if (fault?.status === "timeout-after") return;
      send(response, answer);
    } catch (error) {
      if (error instanceof TwilioError) {
        send(response, { status: error.status, body: error.toJSON() });
      } else {
        console.error("[sandbox] unexpected error", error);
        send(response, { status: 500, body: new TwilioError(500, 20500, "Internal Server Error").toJSON() });
      }
    }
  };
  const server = createServer((request, response) => void handle(request, response));

  const timer = setInterval(() => sandbox.tick(), options.tickMs ?? 250);
  timer.unref();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve);
  }).catch((error: NodeJS.ErrnoException) => {
    clearInterval(timer);
    throw error.code === "EADDRINUSE"
      ? new Error(
          `Port ${options.port} is already in use: is another sandbox running? Set SANDBOX_PORT to use another port.`,
        )
      : error;
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    sandbox,
    server,
    requests,
    setLatencyMs: (ms: number) => void (latencyMs = ms),
    close: async () => {
      clearInterval(timer);
      sandbox.store.flush();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
