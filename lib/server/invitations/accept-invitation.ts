import "server-only";

import type { User } from "@prisma/client";

import { audit } from "../audit/audit";
import { hashPassword } from "../auth/password";
import { refreshOrganizationRows } from "../dashboard/refresh-dashboard-row";
import { db } from "../db";
import { findInvitation, invitationProblem } from "./find-invitation";

export type AcceptInvitationOutcome = { ok: true; user: User } | { ok: false; message: string };

/**
 * Turns a valid invitation into an account. The invitation is claimed with a conditional update
 * inside the transaction, so two submissions of the same link create one account at most.
 */
export async function acceptInvitation(input: {
  token: string;
  name: string;
  password: string;
}): Promise<AcceptInvitationOutcome> {
  const lookup = await findInvitation(input.token);
  if (lookup.status !== "valid") return { ok: false, message: invitationProblem[lookup.status] };
  const { invitation } = lookup;
  const passwordHash = await hashPassword(input.password);

  try {
    const user = await db.$transaction(async (tx) => {
      const claimed = await tx.invitation.updateMany({
        where: { id: invitation.id, acceptedAt: null, expiresAt: { gt: new Date() } },
        data: { acceptedAt: new Date() },
      });
      if (claimed.count !== 1) throw new InvitationClaimedError();
      const created = await tx.user.create({
        data: {
          email: invitation.email,
          name: input.name,
          role: invitation.role,
          organizationId: invitation.role === "CUSTOMER" ? invitation.organizationId : null,
          passwordHash,
        },
      });
      await audit(tx, {
        actorUserId: created.id,
        action: "invitation.accepted",
        targetType: "Invitation",
        targetId: invitation.id,
        organizationId: invitation.organizationId,
      });
      return created;
    });
    if (user.organizationId) await refreshOrganizationRows(user.organizationId);
    return { ok: true, user };
  } catch (error) {
    if (error instanceof InvitationClaimedError) return { ok: false, message: invitationProblem.used };
    if (isUniqueViolation(error))
      return { ok: false, message: "An account with this email already exists. Sign in instead." };
    throw error;
  }
}

class InvitationClaimedError extends Error {}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002"
  );
}
