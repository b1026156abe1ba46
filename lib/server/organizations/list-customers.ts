import "server-only";
import type { ApplicationStatus } from "@prisma/client";
import { db } from "../db";

export type CustomerRow = {
  id: string;
  name: string;
  createdAt: Date;
  userCount: number;
  pendingInvitations: number;
  applicationStatus: ApplicationStatus | null;
  applicationUpdatedAt: Date | null;
};

/** Customer organizations, newest first. (The full dashboard with filters comes later.) */
export async function listCustomers(): Promise<CustomerRow[]> {
  const now = new Date();
  const organizations = await db.organization.findMany({
    orderBy: { createdAt: "desc" },
    take: 200,
    include: {
      _count: { select: { users: true } },
      invitations: { where: { acceptedAt: null, expiresAt: { gt: now } }, select: { id: true } },
      applications: { orderBy: { createdAt: "desc" }, take: 1, select: { status: true, updatedAt: true } },
    },
  });
  return organizations.map((org) => ({
    id: org.id,
    name: org.name,
    createdAt: org.createdAt,
    userCount: org._count.users,
    pendingInvitations: org.invitations.length,
    applicationStatus: org.applications[0]?.status ?? null,
    applicationUpdatedAt: org.applications[0]?.updatedAt ?? null,
  }));
}
