import { NextResponse } from "next/server";

import { readStoredDraft } from "@/lib/server/applications/stored-draft";
import { requireStaffOrOwningCustomer } from "@/lib/server/auth/guards";
import { route } from "@/lib/server/http/route";

/** An application as its owner (or staff) may read it. Others get 404, as if it did not exist. */
export const GET = route(async (_request, { params }: { params: Promise<{ applicationId: string }> }) => {
  const { applicationId } = await params;
  const { application } = await requireStaffOrOwningCustomer(applicationId);
  return NextResponse.json({
    id: application.id,
    organizationId: application.organizationId,
    status: application.status,
    version: application.version,
    currentStep: application.currentStep,
    draft: readStoredDraft(application.draft),
    updatedAt: application.updatedAt.toISOString(),
  });
});
