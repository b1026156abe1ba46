import { NextResponse } from "next/server";

import { readBoundedText, STATUS_CALLBACK_MAX_BYTES } from "@/lib/server/http/bounded-body";
import { jsonError, route } from "@/lib/server/http/route";
import { publicUrlOf } from "@/lib/server/twilio-inbound/public-url";
import { handleStatusCallback } from "@/lib/server/twilio-inbound/status-callback";

/** Trust Hub status callbacks (CustomerProfiles and TrustProducts). */
export const POST = route(async (request) => {
  const body = await readBoundedText(request, STATUS_CALLBACK_MAX_BYTES);
  if (!body.ok) return jsonError(413, "The body is larger than any Trust Hub status callback.");
  const params = Object.fromEntries(new URLSearchParams(body.text));
  const outcome = await handleStatusCallback(
    await publicUrlOf(request),
    request.headers.get("x-twilio-signature"),
    params,
  );
  if (outcome.status === 403) return jsonError(403, "Invalid Twilio signature.");
  return NextResponse.json({ result: outcome.result });
});
