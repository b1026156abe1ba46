import "server-only";

import { db } from "../db";

/** What a customer's home shows: their organization and its application. Scoped by the caller's organization. */
export async function getCustomerHome(organizationId: string) {
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    include: { applications: { orderBy: { createdAt: "desc" }, take: 1 } },
  });
  return { organization, application: organization.applications[0] ?? null };
}
