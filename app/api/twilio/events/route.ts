import { NextResponse } from "next/server";

import { route } from "@/lib/server/http/route";
import { handleEvents } from "@/lib/server/twilio-inbound/event-sink";
import { publicUrlOf } from "@/lib/server/twilio-inbound/public-url";

/** Event Streams webhook sink for A2P brand and campaign events (a JSON array of CloudEvents, signed). */
export const POST = route(async (request) => {
  const outcome = await handleEvents(
    await publicUrlOf(request),
    request.headers.get("x-twilio-signature"),
    await request.text(),
  );
  if (outcome.status !== 200)
    return NextResponse.json(
      {
        error: {
          status: outcome.status,
          message: outcome.status === 403 ? "Invalid Twilio signature." : "The body is not CloudEvents JSON.",
        },
      },
      { status: outcome.status },
    );
  return NextResponse.json({ updated: outcome.updated, ignored: outcome.ignored });
});
