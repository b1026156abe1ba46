import { NextResponse } from "next/server";

import { adoptionRunStatus } from "@/lib/server/adoption/adoption-status";
import { ApiError, apiRoute } from "@/lib/server/api-v1/api-route";

/** One adoption scan's progress (any key). */
export const GET = apiRoute<{ params: Promise<{ runId: string }> }>("read", async (_request, { params }) => {
  const status = await adoptionRunStatus((await params).runId);
  if (!status) throw new ApiError(404, "No such adoption scan.");
  return NextResponse.json(status);
});
