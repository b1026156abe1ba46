import { NextResponse, type NextRequest } from "next/server";

import { contentSecurityPolicy, createNonce } from "@/lib/http/content-security-policy";

/**
 * Runs before every page and action: the Content-Security-Policy with this request's nonce,
 * oversized server-action posts answered with a clear 413, and visitors without a session cookie
 * redirected to sign-in before a protected page renders. Whether the session is valid, and what
 * its user may see, is decided by the guards that every page, action and route handler calls itself.
 */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const PROTECTED = ["/staff", "/home", "/onboarding", "/campaign"];
// Next.js's own limit for server-action bodies; past it Next.js answers a bare 500.
const ACTION_BODY_LIMIT = 1024 * 1024;

export async function proxy(request: NextRequest) {
  if (request.method === "POST" && request.headers.has("next-action")) {
    const length = Number(request.headers.get("content-length") ?? "0");
    if (length > ACTION_BODY_LIMIT) return plainAnswer(413, "This request is too large to process. Nothing was saved.");
    // Next.js answers a body React cannot decode with a bare 500 (#26 line 9): refused here instead.
    if (!(await readableActionBody(request)))
      return plainAnswer(400, "This request could not be read. Reload the page and try again; nothing was saved.");
  }

  const { pathname } = request.nextUrl;
  const isProtected = PROTECTED.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
  if (isProtected && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(signIn);
  }

  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

function plainAnswer(status: number, text: string) {
  return new NextResponse(text, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * Whether a server action's body has the shape React's reply decoder reads: JSON (a call with
 * plain arguments) or a multipart form (a form's post), never checked further than that.
 */
async function readableActionBody(request: NextRequest): Promise<boolean> {
  const type = request.headers.get("content-type") ?? "";
  try {
    if (type.startsWith("multipart/form-data")) await request.clone().formData();
    else if (type.startsWith("application/x-www-form-urlencoded")) await request.clone().formData();
    else JSON.parse(await request.clone().text());
    return true;
  } catch {
    return false;
  }
}

export const config = {
  matcher: [
    {
      // Pages and actions; not static files, images or API routes (JSON has no scripts to police).
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|logo.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
