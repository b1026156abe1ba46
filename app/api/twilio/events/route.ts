import { NextResponse } from "next/server";

import { EVENT_BATCH_MAX_BYTES, readBoundedText } from "@/lib/server/http/bounded-body";
import { jsonError, route } from "@/lib/server/http/route";
import { handleEvents } from "@/lib/server/twilio-inbound/event-sink";
import { publicUrlOf } from "@/lib/server/twilio-inbound/public-url";

/** Event Streams webhook sink for A2P brand and campaign events (a JSON array of CloudEvents, signed). */
export const POST = route(async (request) => {
  const body = await readBoundedText(request, EVENT_BATCH_MAX_BYTES);
  if (!body.ok) return jsonError(413, "The body is larger than any Event Streams batch.");
  const outcome = await handleEvents(await publicUrlOf(request), request.headers.get("x-twilio-signature"), body.text);
  if (outcome.status !== 200)
    return jsonError(
      outcome.status,
      outcome.status === 403 ? "Invalid Twilio signature." : "The body is not CloudEvents JSON.",
    );
  return NextResponse.json({ updated: outcome.updated, ignored: outcome.ignored });
});
