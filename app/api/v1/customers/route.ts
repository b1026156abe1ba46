import { NextResponse } from "next/server";

import { createCustomerRequestSchema, listCustomersQuerySchema } from "@/lib/api-v1/schemas";
import { apiRoute, parseBody, parseValue } from "@/lib/server/api-v1/api-route";
import { createCustomer, listCustomers } from "@/lib/server/api-v1/customers";

/** Customers changed since a time, a page at a time (any key). */
export const GET = apiRoute("read", async (request) => {
  const query = parseValue(Object.fromEntries(new URL(request.url).searchParams), listCustomersQuerySchema);
  return NextResponse.json(await listCustomers(query));
});

/** A new customer and its first user's invitation (a read-write key); idempotent by externalId. */
export const POST = apiRoute("read_write", async (request, { key }) => {
  const { status, body } = await createCustomer(await parseBody(request, createCustomerRequestSchema), key);
  return NextResponse.json(body, { status });
});
