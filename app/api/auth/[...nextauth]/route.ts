import { NextRequest } from "next/server";

import { handlers } from "@/lib/server/auth/auth";
import { AUTH_FORM_MAX_BYTES, readBoundedText } from "@/lib/server/http/bounded-body";
import { jsonError } from "@/lib/server/http/route";

export const { GET } = handlers;

/**
 * Auth.js's posts (sign-in, sign-out, the credentials callback) are short forms. The body is read
 * only up to a bound before Auth.js sees it: an anonymous 20 MB post is refused unread (#26 line 9).
 */
export async function POST(request: NextRequest) {
  const body = await readBoundedText(request, AUTH_FORM_MAX_BYTES);
  if (!body.ok) return jsonError(413, "This request is too large to process.");
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  return handlers.POST(new NextRequest(request.url, { method: "POST", headers, body: body.text }));
}
