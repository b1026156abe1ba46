import "server-only";

import { db } from "../db";
import { env } from "../env";

/** The URL Twilio called, as it signed it: the portal's public base URL, this path and query. */
export async function publicUrlOf(request: Request): Promise<string> {
  const settings = await db.isvSettings.findUnique({ where: { id: 1 } });
  const url = new URL(request.url);
  return new URL(url.pathname + url.search, settings?.publicBaseUrl ?? env().APP_URL).toString();
}
