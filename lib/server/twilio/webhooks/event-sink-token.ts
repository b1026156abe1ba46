import { createHmac } from "node:crypto";

/**
 * The token the Event Streams sink URL carries, derived from AUTH_SECRET. Kept apart from the sink
 * itself (no `server-only`) so `npm run dev` and the browser tests can point the sandbox at it.
 */
export function eventSinkTokenFor(authSecret: string): string {
  return createHmac("sha256", authSecret).update("twilio-event-sink").digest("hex");
}
