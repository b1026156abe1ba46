import { NextResponse } from "next/server";

import { provisioningProgress } from "@/lib/server/applications/provisioning-progress";
import { requireStaffOrOwningCustomer } from "@/lib/server/auth/guards";
import { route } from "@/lib/server/http/route";

/** Provisioning progress, polled by the review page (staff) and, later, the customer's home. */
export const GET = route(async (_request, { params }: { params: Promise<{ applicationId: string }> }) => {
  const { applicationId } = await params;
  const { user } = await requireStaffOrOwningCustomer(applicationId);
  const progress = await provisioningProgress(applicationId);
  // Customers see which steps are done, not Twilio's SIDs or raw error text (staff do).
  if (user.role === "CUSTOMER")
    return NextResponse.json({
      ...progress,
      lastError: progress.lastError ? "A step is being retried or needs our team's attention." : null,
      resources: progress.resources.map(({ step, status }) => ({ step, status, sid: null })),
    });
  return NextResponse.json(progress);
});
