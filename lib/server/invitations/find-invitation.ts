import "server-only";

import type { Invitation, Organization } from "@prisma/client";

import { hashLinkToken, looksLikeLinkToken } from "../auth/tokens";
import { db } from "../db";

export type InvitationLookup =
  | { status: "valid"; invitation: Invitation & { organization: Organization | null } }
  | { status: "invalid" | "expired" | "used" };

/** What a link leads to. A tampered link finds nothing: only the token's hash is stored. */
export async function findInvitation(token: string, now = new Date()): Promise<InvitationLookup> {
  if (!looksLikeLinkToken(token)) return { status: "invalid" };
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    include: { organization: true },
  });
  if (!invitation) return { status: "invalid" };
  if (invitation.acceptedAt) return { status: "used" };
  if (invitation.expiresAt <= now) return { status: "expired" };
  return { status: "valid", invitation };
}

export const invitationProblem: Record<Exclude<InvitationLookup["status"], "valid">, string> = {
  invalid: "This invitation link is not valid. Check that you copied the whole link, or ask for a new invitation.",
  expired: "This invitation link has expired. Ask the person who invited you to send a new one.",
  used: "This invitation link has already been used. Sign in with your email and password instead.",
};
