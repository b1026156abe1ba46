import { CLIENT_IP_HEADER } from "@/lib/config/client-address.mjs";

/**
 * The caller's IP address as the portal's own server (server.mjs) decided it from the socket and
 * TRUSTED_PROXY_HOPS. X-Forwarded-For is never read here: the client writes it. Without that server
 * (plain `next dev`) every caller shares "unknown", which only makes the per-address limit stricter.
 */
export function clientIp(headers: Headers): string {
  return headers.get(CLIENT_IP_HEADER)?.trim() || "unknown";
}
