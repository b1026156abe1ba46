import { NextResponse } from "next/server";

import { openApiDocument } from "@/lib/api-v1/openapi";
import { env } from "@/lib/server/env";

/** The ISV API's OpenAPI 3.1 document, generated from the schemas its handlers use (public: it holds no data). */
export function GET(): Response {
  return NextResponse.json(openApiDocument(env().APP_URL));
}
