import "server-only";

import { ensureEventStream } from "../../twilio-inbound/ensure-event-stream";
import type { RunContext } from "../step-context";

/** The account's Event Streams Sink and Subscription (once per account, not per application). */
export function eventStreamStep(ctx: RunContext): () => Promise<void> {
  return async () => {
    if (ctx.eventsUrl) await ensureEventStream(ctx.account, ctx.eventsUrl);
  };
}
