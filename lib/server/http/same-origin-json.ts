import "server-only";

import { readBoundedText } from "./bounded-body";

export type SameOriginJson = { ok: true; value: unknown } | { ok: false; status: 400 | 403 | 413; message: string };

/**
 * The JSON body of a request the portal's own pages sent: at most `maxBytes` (read no further), and
 * refused when the browser says it came from another site. A cookie-carrying PUT with a JSON body
 * from another origin is already stopped by CORS (no preflight is ever allowed); checking the
 * browser's own Sec-Fetch-Site and Origin headers says so here too, as server actions do.
 */
const hostOf = (origin: string): string | null => {
  try {
    return new URL(origin).host;
  } catch {
    return null; // "null" (a sandboxed frame, a redirect across sites) is no origin of ours
  }
};

export async function readSameOriginJson(request: Request, maxBytes: number): Promise<SameOriginJson> {
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const crossSite = (site !== null && site !== "same-origin") || (origin !== null && hostOf(origin) !== host);
  if (crossSite) return { ok: false, status: 403, message: "This request did not come from the portal's own pages." };
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? ""))
    return { ok: false, status: 400, message: "Send the request as JSON." };
  const body = await readBoundedText(request, maxBytes);
  if (!body.ok) return { ok: false, status: 413, message: "This draft is too large to save." };
  try {
    return { ok: true, value: JSON.parse(body.text) as unknown };
  } catch {
    return { ok: false, status: 400, message: "The request could not be read." };
  }
}
