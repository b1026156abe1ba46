import "server-only";

import { describeErrorForLog } from "@/lib/logging/redact";

import { audit } from "../audit/audit";
import { UNKNOWN_CLIENT_IP } from "../auth/client-ip";
import { normalizeEmail } from "../auth/credentials";
import { hashPassword } from "../auth/password";
import { clearAllAccountFailures, takeRequest } from "../auth/rate-limit";
import { createLinkToken, hashLinkToken, looksLikeLinkToken } from "../auth/tokens";
import { db } from "../db";
import { env } from "../env";
import { absoluteUrl, sendMail } from "../mail/send-mail";

export type ResetRequestOutcome =
  { limited: false; link: string | null } | { limited: true; retryAfterSeconds: number };

// Every request takes at least this long, so the answer's timing does not tell who has an account.
const RESET_REQUEST_MIN_MS = 300;
const HOUR = 60 * 60;

/**
 * Emails a single-use reset link when the address has an account. The caller tells the person the
 * same thing either way, and the answer takes the same time either way (the email is sent in the
 * background, and every request is held to a minimum duration), so the form does not reveal who
 * has an account. Limited per address (the caller is told) and per account (silently: the same
 * answer, no email). Returns the link for server-side use (tests); it never reaches the browser.
 */
export async function requestPasswordReset(rawEmail: string, ip: string): Promise<ResetRequestOutcome> {
  const started = Date.now();
  try {
    return await requestPasswordResetNow(normalizeEmail(rawEmail), ip);
  } finally {
    const left = RESET_REQUEST_MIN_MS - (Date.now() - started);
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  }
}

async function requestPasswordResetNow(email: string, ip: string): Promise<ResetRequestOutcome> {
  const settings = env();
  // Without a trusted address only the per-account limit applies (see clientIp).
  const byAddress =
    ip === UNKNOWN_CLIENT_IP
      ? ({ allowed: true } as const)
      : await takeRequest(db, "reset:ip", ip, settings.PASSWORD_RESET_MAX_PER_IP, HOUR);
  if (!byAddress.allowed) return { limited: true, retryAfterSeconds: byAddress.retryAfterSeconds };
  const byAccount = await takeRequest(db, "reset:account", email, settings.PASSWORD_RESET_MAX_PER_ACCOUNT, HOUR);
  if (!byAccount.allowed) return { limited: false, link: null };

  const user = await db.user.findUnique({ where: { email } });
  if (!user?.passwordHash) return { limited: false, link: null };
  const { token, tokenHash } = createLinkToken();
  const now = new Date();
  await db.$transaction([
    // Only the newest link works.
    db.passwordResetToken.updateMany({
      where: { userId: user.id, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    }),
    db.passwordResetToken.create({
      data: {
        userId: user.id,
        tokenHash,
        expiresAt: new Date(now.getTime() + settings.PASSWORD_RESET_TTL_MINUTES * 60_000),
      },
    }),
  ]);
  const link = absoluteUrl(`/reset-password/${token}`);
  // In the background: an SMTP round trip would otherwise tell that the account exists.
  void sendMail({
    to: user.email,
    subject: "Reset your password",
    text: [
      "Someone (hopefully you) asked to reset the password of your onboarding portal account.",
      "",
      `Open this link to choose a new password (it works once, for ${settings.PASSWORD_RESET_TTL_MINUTES} minutes):`,
      link,
      "",
      "If you did not ask for this, ignore this email: your password stays as it is.",
    ].join("\n"),
  }).catch((error: unknown) => console.error(`[mail] password reset email failed: ${describeErrorForLog(error)}`));
  await audit(db, {
    actorUserId: user.id,
    action: "password_reset.requested",
    targetType: "User",
    targetId: user.id,
    organizationId: user.organizationId,
  });
  return { limited: false, link };
}

export type ResetLinkStatus = "valid" | "invalid" | "expired" | "used";

export async function passwordResetLinkStatus(token: string, now = new Date()): Promise<ResetLinkStatus> {
  if (!looksLikeLinkToken(token)) return "invalid";
  const row = await db.passwordResetToken.findUnique({ where: { tokenHash: hashLinkToken(token) } });
  if (!row) return "invalid";
  if (row.usedAt) return "used";
  if (row.expiresAt <= now) return "expired";
  return "valid";
}

export const resetLinkProblem: Record<Exclude<ResetLinkStatus, "valid">, string> = {
  invalid: "This reset link is not valid. Check that you copied the whole link, or ask for a new one.",
  expired: "This reset link has expired. Ask for a new one below.",
  used: "This reset link has already been used. Ask for a new one if you need to.",
};

/**
 * Sets the new password and uses up the link. Bumping sessionVersion signs out every session
 * issued before the change; the failed-attempt counter of the account is cleared.
 */
export async function resetPassword(
  token: string,
  password: string,
): Promise<{ ok: true; email: string } | { ok: false; message: string }> {
  const status = await passwordResetLinkStatus(token);
  if (status !== "valid") return { ok: false, message: resetLinkProblem[status] };
  const passwordHash = await hashPassword(password);
  const tokenHash = hashLinkToken(token);
  return db.$transaction(async (tx) => {
    const row = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash } });
    const claimed = await tx.passwordResetToken.updateMany({
      where: { id: row.id, usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (claimed.count !== 1) return { ok: false as const, message: resetLinkProblem.used };
    const user = await tx.user.update({
      where: { id: row.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    await clearAllAccountFailures(tx, user.email);
    await audit(tx, {
      actorUserId: user.id,
      action: "password_reset.completed",
      targetType: "User",
      targetId: user.id,
      organizationId: user.organizationId,
    });
    return { ok: true as const, email: user.email };
  });
}
