import { NextResponse } from "next/server";

import { prefillDraftRequestSchema } from "@/lib/api-v1/schemas";
import type { ApplicationDraft } from "@/lib/onboarding/schema/application";
import { apiRoute, parseBody } from "@/lib/server/api-v1/api-route";
import { prefillDraft } from "@/lib/server/api-v1/customers";

type Context = { params: Promise<{ customerId: string }> };

/** Prefills a customer's draft while it is still a draft (a read-write key). */
export const PATCH = apiRoute<Context>("read_write", async (request, { params, key }) => {
  const { customerId } = await params;
  const { draft } = await parseBody(request, prefillDraftRequestSchema);
  return NextResponse.json(await prefillDraft(customerId, draft as ApplicationDraft, key));
});
