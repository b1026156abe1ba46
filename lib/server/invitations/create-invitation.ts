import "server-only";

import type { Invitation, Prisma, UserRole } from "@prisma/client";

import { defaultEmailText } from "@/lib/email-texts/kinds";

import { audit } from "../audit/audit";
import { createLinkToken } from "../auth/tokens";
import { db } from "../db";
import { composeMail } from "../email-texts/email-texts";
import { env } from "../env";
import { absoluteUrl, sendMail, type MailDelivery } from "../mail/send-mail";

export type InvitationTarget = (
  | { email: string; role: "CUSTOMER"; organizationId: string }
  | { email: string; role: Exclude<UserRole, "CUSTOMER">; organizationId?: undefined }
) & { name?: string };

export class EmailTakenError extends Error {
  constructor(message = "Someone already has an account with this email address.") {
    super(message);
  }
}

/**
 * Creates a single-use invitation link (valid INVITATION_TTL_DAYS days) and emails it. Earlier
 * unused invitations for the same address stop working, so only the newest link is live.
 */
export async function createInvitation(
  target: InvitationTarget,
  // Null when the ISV's product invites through the API (no person of the portal's did).
  invitedById: string | null,
  tx: Prisma.TransactionClient = db,
): Promise<{ invitation: Invitation; link: string }> {
  if (await tx.user.findUnique({ where: { email: target.email } })) throw new EmailTakenError();
  const now = new Date();
  // A new invitation replaces the address's open one. Only an administrator may replace a staff or
  // administrator invitation: a staff member inviting the same address as a customer would otherwise
  // cancel an administrator's invitation (#26 line 8).
  const [open, inviter] = await Promise.all([
    tx.invitation.findMany({
      where: { email: target.email, acceptedAt: null, expiresAt: { gt: now }, role: { in: ["STAFF", "ADMIN"] } },
      select: { id: true },
    }),
    invitedById ? tx.user.findUnique({ where: { id: invitedById }, select: { role: true } }) : null,
  ]);
  if (open.length && inviter?.role !== "ADMIN")
    throw new EmailTakenError("This address has an open staff invitation; only an administrator can replace it.");
  await tx.invitation.updateMany({
    where: { email: target.email, acceptedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
  const { token, tokenHash } = createLinkToken();
  const invitation = await tx.invitation.create({
    data: {
      email: target.email,
      role: target.role,
      organizationId: target.organizationId ?? null,
      name: target.name ?? null,
      tokenHash,
      expiresAt: new Date(now.getTime() + env().INVITATION_TTL_DAYS * 24 * 60 * 60_000),
      invitedById,
    },
  });
  await audit(tx, {
    actorUserId: invitedById,
    action: "invitation.created",
    targetType: "Invitation",
    targetId: invitation.id,
    organizationId: invitation.organizationId,
    metadata: { role: invitation.role },
  });
  return { invitation, link: absoluteUrl(`/invite/${token}`) };
}

export async function emailInvitation(
  invitation: Invitation,
  link: string,
  organizationName?: string,
): Promise<MailDelivery> {
  const what = organizationName ? `${organizationName}'s messaging registration` : "the onboarding portal as staff";
  const details = [
    ...(invitation.name ? [`Hello ${invitation.name},`, ""] : []),
    `You have been invited to ${what}.`,
    "",
    `Open this link to set your password and sign in (it works once, until ${invitation.expiresAt.toUTCString()}):`,
  ];
  const facts = {
    subject: "You're invited to the onboarding portal",
    details,
    link,
    organization: organizationName ?? "",
  };
  // Staff are invited in the portal's own words: the administrator's texts are for customers.
  return sendMail({
    to: invitation.email,
    ...(await composeMail("invitation", facts, organizationName ? undefined : defaultEmailText("invitation"))),
  });
}
