import "server-only";

import { db } from "../db";

/** One customer for staff: its users, open invitations, application and recent history. */
export async function getCustomerDetail(organizationId: string) {
  const now = new Date();
  return db.organization.findUnique({
    where: { id: organizationId },
    include: {
      users: {
        orderBy: { createdAt: "asc" },
        select: { id: true, email: true, name: true, lastSignInAt: true, createdAt: true },
      },
      invitations: {
        where: { acceptedAt: null, expiresAt: { gt: now } },
        orderBy: { createdAt: "desc" },
        select: { id: true, email: true, expiresAt: true, createdAt: true },
      },
      applications: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          status: true,
          version: true,
          updatedAt: true,
          submittedAt: true,
          campaign: { select: { status: true } },
        },
      },
    },
  });
}

export async function recentAuditEntries(organizationId: string, take = 20) {
  return db.auditLog.findMany({
    where: { organizationId },
    orderBy: { createdAt: "desc" },
    take,
    include: { actor: { select: { email: true } } },
  });
}

export async function hasTwilioResources(organizationId: string): Promise<boolean> {
  const applications = await db.onboardingApplication.findMany({ where: { organizationId }, select: { id: true } });
  return (await db.twilioResource.count({ where: { applicationId: { in: applications.map((a) => a.id) } } })) > 0;
}
