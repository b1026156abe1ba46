import { NextResponse } from "next/server";

import { parseDashboardQuery } from "@/lib/dashboard/schema";
import { requireStaff } from "@/lib/server/auth/guards";
import { listDashboard } from "@/lib/server/dashboard/list-dashboard";
import { route } from "@/lib/server/http/route";

/** The staff dashboard's data, polled by the page: staff only. */
export const GET = route(async (request) => {
  await requireStaff();
  return NextResponse.json(await listDashboard(parseDashboardQuery(new URL(request.url).searchParams)));
});
