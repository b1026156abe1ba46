import "server-only";

import type { UserRole } from "@prisma/client";

import { audit } from "../audit/audit";
import { endEverySession } from "../auth/user-sessions";
import { db } from "../db";

type Outcome = { ok: true } | { ok: false; message: string };

/**
 * An administrator changes a staff member's role, or removes a person. Either ends every session
 * that person has (#26 line 5): a new role is taken up at the next sign-in, and a removed person's
 * copied cookie is worth nothing (its user and session rows are gone). The last administrator can
 * neither be demoted nor removed: someone must be able to run the portal.
 */
export async function changeStaffRole(userId: string, role: Extract<UserRole, "STAFF" | "ADMIN">, adminId: string) {
  return db.$transaction(async (tx): Promise<Outcome> => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!user || user.role === "CUSTOMER") return { ok: false, message: "No such staff member." };
    if (user.role === role) return { ok: true };
    if (user.role === "ADMIN" && (await tx.user.count({ where: { role: "ADMIN" } })) <= 1)
      return { ok: false, message: "This is the only administrator: make someone else one first." };
    await tx.user.update({ where: { id: userId }, data: { role } });
    await endEverySession(tx, userId);
    await audit(tx, {
      actorUserId: adminId,
      action: "user.role_changed",
      targetType: "User",
      targetId: userId,
      metadata: { from: user.role, to: role },
    });
    return { ok: true };
  });
}

export async function removeUser(userId: string, adminId: string) {
  return db.$transaction(async (tx): Promise<Outcome> => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, organizationId: true } });
    if (!user) return { ok: false, message: "This person was already removed." };
    if (user.role === "ADMIN" && (await tx.user.count({ where: { role: "ADMIN" } })) <= 1)
      return { ok: false, message: "This is the only administrator: make someone else one first." };
    // Sessions go with the user (cascade); the audit trail keeps the entries, without the actor.
    await tx.user.delete({ where: { id: userId } });
    await audit(tx, {
      actorUserId: adminId === userId ? null : adminId,
      action: "user.removed",
      targetType: "User",
      targetId: userId,
      organizationId: user.organizationId,
      metadata: { role: user.role },
    });
    return { ok: true };
  });
}
