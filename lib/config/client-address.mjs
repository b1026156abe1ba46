/**
 * The caller's IP address, decided once per request by the portal's own HTTP server (server.mjs)
 * and handed to the app in this header. Whatever a client sends under this name is dropped first.
 */
export const CLIENT_IP_HEADER = "x-portal-client-ip";

/**
 * Beside it, the proof that server.mjs wrote it: a secret drawn when that server starts, kept in
 * this process's environment under CLIENT_IP_SECRET_ENV and never sent anywhere else. Outside
 * server.mjs (`next dev`, `next start`, a standalone build) no secret exists, so a header a client
 * wrote is never believed (#26 line 7).
 */
export const CLIENT_IP_PROOF_HEADER = "x-portal-client-ip-proof";
export const CLIENT_IP_SECRET_ENV = "PORTAL_CLIENT_IP_SECRET";

/**
 * The client's address from the socket, or, behind `trustedHops` proxies of the ISV's own, from
 * the X-Forwarded-For entry those proxies vouch for. Entries further left were written by the client
 * and are never trusted: an attacker can put any address there.
 *
 * @param {{ socketAddress: string | undefined; forwardedFor: string | string[] | undefined; trustedHops: number }} input
 * @returns {string}
 */
export function clientAddress({ socketAddress, forwardedFor, trustedHops }) {
  const socket = normalizeAddress(socketAddress ?? "") || "unknown";
  if (trustedHops <= 0) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const chain = [
    ...header
      .split(",")
      .map((entry) => normalizeAddress(entry))
      .filter(Boolean),
    socket,
  ];
  // The socket is the nearest proxy; each trusted proxy appended the address it saw.
  const index = chain.length - 1 - trustedHops;
  return chain[Math.max(index, 0)] ?? socket;
}

/** "::ffff:10.0.0.1" is the IPv4 address 10.0.0.1 seen through an IPv6 socket. */
function normalizeAddress(value) {
  const trimmed = value.trim();
  return trimmed.startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed;
}

/**
 * TRUSTED_PROXY_HOPS as a number (0 when unset): how many proxies of the ISV's own stand in front.
 *
 * @param {string | undefined} value
 * @returns {number}
 */
export function trustedProxyHops(value) {
  if (value === undefined || value.trim() === "") return 0;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10)
    throw new Error("TRUSTED_PROXY_HOPS must be a whole number from 0 to 10");
  return hops;
}
