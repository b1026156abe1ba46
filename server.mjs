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

createServer((request, response) => {
  request.headers[CLIENT_IP_HEADER] = clientAddress({
    socketAddress: request.socket.remoteAddress,
    forwardedFor: request.headers["x-forwarded-for"],
    trustedHops,
  });
  request.headers[CLIENT_IP_PROOF_HEADER] = proof;
  void handle(request, response);
}).listen(port, hostname, () => {
  console.info(`[portal] ready on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`);
});
