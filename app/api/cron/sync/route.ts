import { NextResponse } from "next/server";
import { secretsEqual } from "@/lib/server/crypto/safe-equal";
import { env } from "@/lib/server/env";
import { route, jsonError } from "@/lib/server/http/route";
import { runPortalSync } from "@/lib/server/twilio/sync/portal-sync";

/** The status sync for a scheduler: `Authorization: Bearer $CRON_SECRET`. */
export const POST = route(async (request) => {
  const secret = env().CRON_SECRET;
  const given = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
  if (!secret || !secretsEqual(given, secret)) return jsonError(401, "A valid cron secret is required.");
  return NextResponse.json(await runPortalSync());
});
