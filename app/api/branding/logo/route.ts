import { readFile } from "node:fs/promises";
import path from "node:path";

import { route } from "@/lib/server/http/route";
import { brandLogo } from "@/lib/server/settings/branding";

/**
 * The ISV's logo, for every page (the sign-in page too) and every email: public, like the portal's
 * own logo, which it answers with when the ISV has none (an email sent before the logo was removed
 * still shows one). Its address carries its version, so it may be kept for a day.
 */
export const GET = route(async () => {
  const logo = (await brandLogo()) ?? {
    data: await readFile(path.join(process.cwd(), "public", "logo.svg")),
    type: "image/svg+xml",
  };
  return new Response(Buffer.from(logo.data), {
    headers: {
      "content-type": logo.type,
      "cache-control": "public, max-age=86400",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    },
  });
});
