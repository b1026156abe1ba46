/**
 * The Content-Security-Policy of every page, as Next.js documents it for the App Router: scripts
 * only with this request's nonce (Next.js puts it on its own scripts when it reads it from the
 * request's CSP header), and what they load ('strict-dynamic'). Inline style attributes stay
 * allowed: React writes a few (progress bars), and they cannot run code.
 */
export function contentSecurityPolicy(nonce: string, { development }: { development: boolean }): string {
  return [
    "default-src 'self'",
    // Development only: React's dev tools evaluate code, and the hot-reload socket connects back.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh nonce per request: 128 random bits. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
