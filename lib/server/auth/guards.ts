import "server-only";

import type { OnboardingApplication } from "@prisma/client";
import { cache } from "react";

import { db } from "../db";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "./errors";
import { canAccessOrganization, isAdmin, isStaff, type Actor } from "./policy";
import { currentSession } from "./recent-sessions";
import { sessionStands } from "./user-sessions";

export type CurrentUser = Actor & { email: string; name: string | null };
type SignedInRow = CurrentUser & { sessionVersion: number | bigint; endedAt: Date | string | null };
export type CustomerUser = CurrentUser & { organizationId: string };

/**
 * The signed-in user, read fresh from the database (once per request). A session whose user was
 * deleted, that was signed out (its row ended, even if a copy of the cookie lives on), or issued
 * before the last password or role change or "sign out of every device", counts as signed out.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await currentSession();
  const id = session?.user?.id;
  if (!id) return null;
  if (!session.sessionId) return null;
  // The user and this session's row in one statement: every request pays it (#27 line 2: as two
  // Prisma queries it was a fifth of an autosave's server time, most of it Prisma compiling them).
  const [user] = await db.$queryRaw<SignedInRow[]>`
    SELECT u."id", u."email", u."name", u."role", u."organizationId", u."sessionVersion", s."endedAt"
    FROM "User" u JOIN "UserSession" s ON s."userId" = u."id"
    WHERE u."id" = ${id} AND s."id" = ${session.sessionId}`;
  if (!user || !sessionStands(user) || Number(user.sessionVersion) !== session.user.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, organizationId: user.organizationId };
});

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new UnauthenticatedError();
  return user;
}

export async function requireStaff(): Promise<CurrentUser> {
  const user = await requireUser();
  if (!isStaff(user)) throw new ForbiddenError("Only staff can do that.");
  return user;
}

export async function requireAdmin(): Promise<CurrentUser> {
  const user = await requireUser();
  if (!isAdmin(user)) throw new ForbiddenError("Only administrators can do that.");
  return user;
}

export async function requireCustomer(): Promise<CustomerUser> {
  const user = await requireUser();
  if (user.role !== "CUSTOMER" || !user.organizationId) throw new ForbiddenError("This page is for customers.");
  return { ...user, organizationId: user.organizationId };
}

/** Staff: any application. Customers: only their organization's; anything else is "not found". */
export async function requireStaffOrOwningCustomer(
  applicationId: string,
): Promise<{ user: CurrentUser; application: OnboardingApplication }> {
  const user = await requireUser();
  const application = await db.onboardingApplication.findUnique({ where: { id: applicationId } });
  if (!application || !canAccessOrganization(user, application.organizationId)) throw new NotFoundError();
  return { user, application };
}
