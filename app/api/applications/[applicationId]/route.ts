import { NextResponse } from "next/server";

import { loadApplication } from "@/lib/server/applications/load-application";
import { requireStaffOrOwningCustomer } from "@/lib/server/auth/guards";
import { route } from "@/lib/server/http/route";

/** An application as its owner (or staff) may read it. Others get 404, as if it did not exist. */
export const GET = route(async (_request, { params }: { params: Promise<{ applicationId: string }> }) => {
  const { applicationId } = await params;
  await requireStaffOrOwningCustomer(applicationId);
  const { application, draft } = (await loadApplication(applicationId))!;
  return NextResponse.json({
    id: application.id,
    organizationId: application.organizationId,
    status: application.status,
    version: application.version,
    currentStep: application.currentStep,
    draft,
    updatedAt: application.updatedAt.toISOString(),
  });
});
