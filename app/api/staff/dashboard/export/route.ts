import { parseDashboardQuery } from "@/lib/dashboard/schema";
import { requireStaff } from "@/lib/server/auth/guards";
import { exportDashboardCsv } from "@/lib/server/dashboard/export-dashboard";
import { route } from "@/lib/server/http/route";

/** The staff dashboard as CSV, every page of the filters given: staff only. */
export const GET = route(async (request) => {
  const staff = await requireStaff();
  const { body, filename } = await exportDashboardCsv(parseDashboardQuery(new URL(request.url).searchParams), staff.id);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
