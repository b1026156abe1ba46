import { NextResponse } from "next/server";

import { checkReadiness } from "@/lib/server/operations/readiness";

/**
 * Readiness, for a load balancer placing traffic on this instance: the database answers and every
 * migration it knows of has finished (a half-applied migration, or none, is not ready). Liveness
 * is /api/health.
 */
export async function GET() {
  const readiness = await checkReadiness();
  return NextResponse.json(readiness, { status: readiness.status === "ready" ? 200 : 503 });
}
