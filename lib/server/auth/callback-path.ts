/**
 * Where to go after sign-in: only a path on the portal's own origin. The value is parsed the way a
 * browser would (WHATWG URL against the portal's origin: tabs and newlines are stripped, backslashes
 * read as slashes, "https:evil.example" and "/%09/evil.example" resolve elsewhere) and followed only
 * when the result is on that same origin. What is returned is the normalized path, never the raw
 * input, so a newline or a control character can never reach a Location header.
 */
const PORTAL_BASE = "http://portal.invalid";

export function safeCallbackPath(callbackUrl: string | undefined | null, appUrl: string = PORTAL_BASE): string | null {
  if (!callbackUrl || callbackUrl.length > 2000) return null;
  // Only a relative reference is ever produced by the portal; anything with a scheme or a host is not ours.
  if (!callbackUrl.startsWith("/")) return null;
  let base: URL;
  let target: URL;
  try {
    base = new URL(appUrl);
    target = new URL(callbackUrl, base);
  } catch {
    return null;
  }
  if (target.origin !== base.origin) return null;
  const path = `${target.pathname}${target.search}${target.hash}`;
  // Double-check what the browser will see once the path is put back in a Location header.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return null;
  try {
    if (new URL(path, base).origin !== base.origin) return null;
  } catch {
    return null;
  }
  if (path.startsWith("/api/") || path.startsWith("/sign-in")) return null;
  return path;
}
