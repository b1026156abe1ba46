import { NextResponse } from "next/server";

import { requireStaffOrOwningCustomer } from "@/lib/server/auth/guards";
import { applicationStatus } from "@/lib/server/dashboard/application-status";
import { route } from "@/lib/server/http/route";

/** An application's status, problems, next step and timeline: its own customer, or staff. */
export const GET = route(async (_request, { params }: { params: Promise<{ applicationId: string }> }) => {
  const { applicationId } = await params;
  const { user } = await requireStaffOrOwningCustomer(applicationId);
  return NextResponse.json(await applicationStatus(applicationId, user.role === "CUSTOMER" ? "customer" : "staff"));
});
