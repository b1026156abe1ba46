import { NextResponse } from "next/server";
import { route } from "@/lib/server/http/route";
import { handleEvents } from "@/lib/server/twilio/webhooks/event-sink";

/** Event Streams sink for brand and campaign events (CloudEvents, JSON). */
export const POST = route(async (request) => {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return NextResponse.json({ error: { status: 400, message: "The body is not JSON." } }, { status: 400 });
  }
  const outcome = await handleEvents(new URL(request.url).searchParams.get("token"), body);
  if (outcome.status !== 200)
    return NextResponse.json(
      {
        error: { status: outcome.status, message: outcome.status === 403 ? "Invalid sink token." : "Not CloudEvents." },
      },
      { status: outcome.status },
    );
  return NextResponse.json({ updated: outcome.updated });
});
