import type { UserRole } from "@prisma/client";

/** Who may touch what: pure rules, shared by every guard. */
export type Actor = { id: string; role: UserRole; organizationId: string | null };

export function isStaff(actor: Actor): boolean {
  return actor.role === "STAFF" || actor.role === "ADMIN";
}

export function isAdmin(actor: Actor): boolean {
  return actor.role === "ADMIN";
}

/** Staff see every customer organization; a customer only their own. */
export function canAccessOrganization(actor: Actor, organizationId: string): boolean {
  if (isStaff(actor)) return true;
  return actor.role === "CUSTOMER" && actor.organizationId !== null && actor.organizationId === organizationId;
}

/** Where a signed-in user lands. */
export function homePathFor(actor: Pick<Actor, "role">): string {
  return actor.role === "CUSTOMER" ? "/home" : "/staff";
}
