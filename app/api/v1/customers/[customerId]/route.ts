import { NextResponse } from "next/server";

import { apiRoute } from "@/lib/server/api-v1/api-route";
import { customerDetail } from "@/lib/server/api-v1/customers";

type Context = { params: Promise<{ customerId: string }> };

/** A customer's stage, statuses, what Twilio found and what happens next (any key). */
export const GET = apiRoute<Context>("read", async (_request, { params }) => {
  const { customerId } = await params;
  return NextResponse.json(await customerDetail(customerId));
});
