import { NextResponse } from "next/server";

import { ApiError, apiRoute } from "@/lib/server/api-v1/api-route";
import { importStatus } from "@/lib/server/customer-import/import-status";

/** One import's progress (any key). */
export const GET = apiRoute<{ params: Promise<{ importId: string }> }>("read", async (_request, { params }) => {
  const status = await importStatus((await params).importId);
  if (!status) throw new ApiError(404, "No such import.");
  return NextResponse.json(status);
});
