import { NextResponse } from "next/server";

import { customerProgress } from "@/lib/server/applications/customer-progress";
import { requireStaffOrOwningCustomer } from "@/lib/server/auth/guards";
import { route } from "@/lib/server/http/route";

/** The customer's approval progress (their own application only; staff may read any). */
export const GET = route(async (_request, { params }: { params: Promise<{ applicationId: string }> }) => {
  const { applicationId } = await params;
  await requireStaffOrOwningCustomer(applicationId);
  return NextResponse.json(await customerProgress(applicationId));
});
