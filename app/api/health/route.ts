import { NextResponse } from "next/server";

import { db } from "@/lib/server/db";

/** Liveness and database reachability, for load balancers and the test harness. */
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return NextResponse.json({ status: "ok" });
  } catch {
    return NextResponse.json({ status: "error", message: "The database is not reachable." }, { status: 503 });
  }
}
