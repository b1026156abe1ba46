import { NextResponse } from "next/server";

import { secretsEqual } from "@/lib/server/crypto/safe-equal";
import { env } from "@/lib/server/env";
import { jsonError, route } from "@/lib/server/http/route";
import { enqueueStatusSync } from "@/lib/server/jobs/enqueue";

/**
 * The status sync for an outside scheduler: `Authorization: Bearer $CRON_SECRET`. It only queues
 * the sync job (decision 0017): one instance's worker runs it, and a second call while one waits
 * is a no-op, so the request returns at once whatever the number of resources.
 */
export const POST = route(async (request) => {
  const secret = env().CRON_SECRET;
  const given = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
  if (!secret || !secretsEqual(given, secret)) return jsonError(401, "A valid cron secret is required.");
  if (!(await enqueueStatusSync())) return jsonError(503, "The job engine is not running on this instance.");
  return NextResponse.json({ queued: "sync-statuses" }, { status: 202 });
});
