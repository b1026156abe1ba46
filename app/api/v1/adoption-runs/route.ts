import { NextResponse } from "next/server";

import { recentAdoptionRuns } from "@/lib/server/adoption/adoption-status";
import { apiRoute } from "@/lib/server/api-v1/api-route";

/** The latest adoption scans with their progress (any key). */
export const GET = apiRoute("read", async () => NextResponse.json({ data: await recentAdoptionRuns() }));
