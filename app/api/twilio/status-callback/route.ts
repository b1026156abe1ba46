import { NextResponse } from "next/server";

import { route } from "@/lib/server/http/route";
import { publicUrlOf } from "@/lib/server/twilio-inbound/public-url";
import { handleStatusCallback } from "@/lib/server/twilio-inbound/status-callback";

/** Trust Hub status callbacks (CustomerProfiles and TrustProducts). */
export const POST = route(async (request) => {
  const params = Object.fromEntries(new URLSearchParams(await request.text()));
  const outcome = await handleStatusCallback(
    await publicUrlOf(request),
    request.headers.get("x-twilio-signature"),
    params,
  );
  if (outcome.status === 403)
    return NextResponse.json({ error: { status: 403, message: "Invalid Twilio signature." } }, { status: 403 });
  return NextResponse.json({ result: outcome.result });
});
