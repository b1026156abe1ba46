import { NextResponse } from "next/server";
import { requireCustomerAccess } from "@/lib/server/auth/guards";
import { route } from "@/lib/server/http/route";
import { provisioningProgress } from "@/lib/server/applications/provisioning-progress";

/** Provisioning progress, polled by the review page (staff) and, later, the customer's home. */
export const GET = route(async (_request, { params }: { params: Promise<{ applicationId: string }> }) => {
  const { applicationId } = await params;
  await requireCustomerAccess(applicationId);
  return NextResponse.json(await provisioningProgress(applicationId));
});
