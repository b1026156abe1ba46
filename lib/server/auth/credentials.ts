import type { PrismaClient, User } from "@prisma/client";

import { burnPasswordCheck, hashPassword, needsRehash, verifyPassword } from "./password";
import { takePasswordSlot } from "./password-slots";
import {
  checkSignInGate,
  clearAccountFailures,
  recordSignInFailure,
  type LimitScope,
  type SignInLimits,
} from "./rate-limit";

export type CredentialsCheck =
  | { ok: true; user: User }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "busy" }
  | { ok: false; reason: "rate_limited"; scope: LimitScope; retryAfterSeconds: number };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The whole password sign-in decision: rate limit first (so a locked account cannot be probed),
 * then the password. Unknown accounts cost the same time as known ones. `ip` is the address the
 * portal's server saw (never a client-written header): failures lock the account for that address,
 * and only a much larger number from all addresses together locks it everywhere.
 */
export async function checkCredentials(
  db: PrismaClient,
  input: { email: string; password: string; ip: string },
  limits: SignInLimits,
): Promise<CredentialsCheck> {
  // Too many sign-ins at once on this instance: answered before any work, and nothing counts as a failure.
  const release = await takePasswordSlot(input.ip);
  if (!release) return { ok: false, reason: "busy" };
  try {
    const email = normalizeEmail(input.email);
    const gate = await checkSignInGate(db, email, input.ip, limits);
    if (!gate.allowed)
      return { ok: false, reason: "rate_limited", scope: gate.scope, retryAfterSeconds: gate.retryAfterSeconds };

    const user = await db.user.findUnique({ where: { email } });
    const valid = user?.passwordHash
      ? await verifyPassword(input.password, user.passwordHash)
      : (await burnPasswordCheck(input.password), false);

    if (!user || !valid) {
      await recordSignInFailure(db, email, input.ip, limits);
      return { ok: false, reason: "invalid" };
    }
    await clearAccountFailures(db, email, input.ip, limits);
    // A hash made before today's scheme (bcrypt until #27) is replaced now that the password is known.
    const passwordHash = needsRehash(user.passwordHash!) ? await hashPassword(input.password) : undefined;
    const signedIn = await db.user.update({
      where: { id: user.id },
      data: { lastSignInAt: new Date(), ...(passwordHash ? { passwordHash } : {}) },
    });
    return { ok: true, user: signedIn };
  } finally {
    release();
  }
}
