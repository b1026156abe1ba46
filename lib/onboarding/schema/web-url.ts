/**
 * A website as Twilio wants it: an https:// URL. "www.example.com" and "http://example.com" become
 * https URLs; anything that is not a host name gives null.
 */
export function normalizeWebUrl(raw: string): string | null {
  const text = raw.trim();
  if (!text) return null;
  const withScheme = /^https?:\/\//i.test(text) ? text.replace(/^http:\/\//i, "https://") : `https://${text}`;
  try {
    const url = new URL(withScheme);
    if (!/^([a-z0-9-]+\.)+[a-z]{2,}$/i.test(url.hostname)) return null;
    return url.toString().replace(/\/$/, url.pathname === "/" && !text.endsWith("/") ? "" : "/");
  } catch {
    return null;
  }
}
