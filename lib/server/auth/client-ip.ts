import { timingSafeEqual } from "node:crypto";

import { CLIENT_IP_HEADER, CLIENT_IP_PROOF_HEADER, CLIENT_IP_SECRET_ENV } from "@/lib/config/client-address.mjs";

/** No trusted address: the per-address limits then do not apply (see `clientIp`). */
export const UNKNOWN_CLIENT_IP = "unknown";

/**
 * The caller's IP address as the portal's own server (server.mjs) decided it from the socket and
 * TRUSTED_PROXY_HOPS, believed only with that server's per-process proof beside it: without it (plain
 * `next dev`, `next start`, a standalone build) anybody could write the header and pick an address
 * per request (#26 line 7). X-Forwarded-For is never read here: the client writes it. Without a
 * trusted address the answer is UNKNOWN_CLIENT_IP, which the limiters treat as "no address": one
 * shared bucket would let one caller lock every other out; the per-account limits still hold.
 */
export function clientIp(headers: Headers): string {
  const secret = process.env[CLIENT_IP_SECRET_ENV];
  const proof = headers.get(CLIENT_IP_PROOF_HEADER);
  if (!secret || !proof || !sameSecret(proof, secret)) return UNKNOWN_CLIENT_IP;
  return headers.get(CLIENT_IP_HEADER)?.trim() || UNKNOWN_CLIENT_IP;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
