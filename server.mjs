import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import nextEnv from "@next/env";
import next from "next";

import {
  CLIENT_IP_HEADER,
  CLIENT_IP_PROOF_HEADER,
  CLIENT_IP_SECRET_ENV,
  clientAddress,
  trustedProxyHops,
} from "./lib/config/client-address.mjs";

/**
 * `npm start`: the built portal behind Node's HTTP server, so that the caller's IP address comes
 * from the socket (or from the number of trusted proxies in TRUSTED_PROXY_HOPS), never from a
 * header the client wrote. Rate limits key on it (lib/server/auth/client-ip.ts).
 */
nextEnv.loadEnvConfig(process.cwd(), false);
const port = Number(process.env.PORT || 3000);
// HOST, not HOSTNAME: shells and containers set HOSTNAME to the machine's own name.
const hostname = process.env.HOST || "0.0.0.0";
const trustedHops = trustedProxyHops(process.env.TRUSTED_PROXY_HOPS);
// This process's proof that the address header below is ours (lib/server/auth/client-ip.ts).
const proof = randomBytes(32).toString("hex");
process.env[CLIENT_IP_SECRET_ENV] = proof;

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  request.headers[CLIENT_IP_HEADER] = clientAddress({
    socketAddress: request.socket.remoteAddress,
    forwardedFor: request.headers["x-forwarded-for"],
    trustedHops,
  });
  request.headers[CLIENT_IP_PROOF_HEADER] = proof;
  // A request Next.js could not handle is answered and logged; left unhandled, the rejection would
  // end the whole process (Node's default) and every other request with it.
  handle(request, response).catch((error) => {
    console.error(`[portal] a request to ${request.method} ${request.url?.split("?")[0]} failed: ${error?.message}`);
    if (!response.headersSent) {
      response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      response.end("Something went wrong on our side. Please try again.");
    } else response.end();
  });
}).listen(port, hostname, () => {
  console.info(`[portal] ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
});

// One stray promise must not end the process and every request under way with it: logged, by its
// message only (an error object may carry a request's details), and the server goes on.
process.on("unhandledRejection", (reason) => {
  console.error(`[portal] an unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}`);
});

// Stop taking requests, let those under way finish (a few seconds at most), then exit: a deploy's
// SIGTERM, or Ctrl-C, ends the process through its exit hooks (a profile given by --cpu-prof is written).
for (const signal of ["SIGTERM", "SIGINT"])
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  });
