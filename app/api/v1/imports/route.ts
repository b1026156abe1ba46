import { NextResponse } from "next/server";

import { createImportQuerySchema } from "@/lib/api-v1/schemas";
import { apiRoute, parseValue } from "@/lib/server/api-v1/api-route";
import { importCustomersFromApi } from "@/lib/server/api-v1/imports";
import { recentImports } from "@/lib/server/customer-import/import-status";

/** The latest customer imports with their progress (any key). */
export const GET = apiRoute("read", async () => NextResponse.json({ data: await recentImports() }));

/** A CSV of customers: checked, then (unless a dry run) imported in the background (a read-write key). */
export const POST = apiRoute("read_write", async (request, { key }) => {
  const query = parseValue(Object.fromEntries(new URL(request.url).searchParams), createImportQuerySchema);
  const { status, body } = await importCustomersFromApi(request, query, key);
  return NextResponse.json(body, { status });
});
