import { NextResponse, type NextRequest } from "next/server";

/**
 * Only redirects: a visitor without a session cookie is sent to sign-in before a protected page
 * renders. Whether the session is valid, and what its user may see, is decided by the guards that
 * every page, action and route handler calls itself.
 */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
    return NextResponse.redirect(signIn);
  }
  return NextResponse.next();
}

export const config = { matcher: ["/staff/:path*", "/home/:path*", "/onboarding/:path*"] };
