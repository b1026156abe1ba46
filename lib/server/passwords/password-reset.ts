import "server-only";
import { db } from "../db";
import { env } from "../env";
import { createLinkToken, hashLinkToken, looksLikeLinkToken } from "../auth/tokens";
import { hashPassword } from "../auth/password";
import { normalizeEmail } from "../auth/credentials";
import { audit } from "../audit/audit";
import { absoluteUrl, sendMail } from "../mail/send-mail";

/**
 * Emails a single-use reset link when the address has an account. The caller tells the person the
 * same thing either way, so the form does not reveal who has an account. Returns the link for
 * server-side use (tests, logs in development); it is never sent to the browser.
 */
export async function requestPasswordReset(rawEmail: string): Promise<{ link: string } | null> {
  const email = normalizeEmail(rawEmail);
  const user = await db.user.findUnique({ where: { email } });
  if (!user?.passwordHash) return null;
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
        expiresAt: new Date(now.getTime() + env().PASSWORD_RESET_TTL_MINUTES * 60_000),
      },
    }),
  ]);
  const link = absoluteUrl(`/reset-password/${token}`);
  await sendMail({
    to: user.email,
    subject: "Reset your password",
    text: [
      "Someone (hopefully you) asked to reset the password of your onboarding portal account.",
      "",
      `Open this link to choose a new password (it works once, for ${env().PASSWORD_RESET_TTL_MINUTES} minutes):`,
      link,
      "",
      "If you did not ask for this, ignore this email: your password stays as it is.",
    ].join("\n"),
  });
  await audit(db, {
    actorUserId: user.id,
    action: "password_reset.requested",
    targetType: "User",
    targetId: user.id,
    organizationId: user.organizationId,
  });
  return { link };
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
    await tx.signInFailure.deleteMany({ where: { email: user.email } });
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
