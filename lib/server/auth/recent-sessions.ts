import "server-only";

import { createHash } from "node:crypto";
import type { Session } from "next-auth";
import { headers } from "next/headers";

import { auth } from "./auth";

// Long enough that a customer's autosaves (one every second or two) reuse the decoded session,
// short enough that a token is never honoured more than a few seconds past its own expiry.
const REMEMBER_MS = 15_000;
const MOST_REMEMBERED = 5_000;

const recent = new Map<string, { session: Session; until: number }>();

/**
 * The request's session, as Auth.js's `auth()` reads it, remembered for a few seconds per cookie
 * header. `auth()` runs Auth.js's whole session endpoint for every call (a Request, the JWE
 * decrypted with a key derived anew, the session re-encrypted for a cookie it then drops): about
 * 3 ms of the server's main thread, a fifth of an autosave's (#15 autosave benchmark). The same
 * cookie header always decodes to the same session, so it is decoded once per interval.
 *
 * Nothing about revocation changes: the guards still load the user from the database on every
 * request and compare its session version (a password change, a removal), and a session that
 * Auth.js refuses (bad signature, expired) is never remembered. Per process by design: this is a
 * cache of a pure decoding, not a guarantee several instances must share.
 */
export async function currentSession(): Promise<Session | null> {
  const cookie = (await headers()).get("cookie") ?? "";
  if (!cookie) return null;
  const key = createHash("sha256").update(cookie).digest("base64url");
  const now = Date.now();
  const remembered = recent.get(key);
  if (remembered && remembered.until > now) return remembered.session;
  recent.delete(key);
  const session = await auth();
  if (session?.user?.id) {
    // Oldest first out: a Map iterates in insertion order.
    if (recent.size >= MOST_REMEMBERED) recent.delete(recent.keys().next().value!);
    recent.set(key, { session, until: now + REMEMBER_MS });
  }
  return session;
}
