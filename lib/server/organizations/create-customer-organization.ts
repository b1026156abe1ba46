import "server-only";

import type { Organization } from "@prisma/client";

import { EMPTY_DRAFT } from "../applications/empty-draft";
import { audit } from "../audit/audit";
import { refreshOrganizationRows } from "../dashboard/refresh-dashboard-row";
import { db } from "../db";
import { createInvitation, emailInvitation } from "../invitations/create-invitation";
import type { MailDelivery } from "../mail/send-mail";

export type CreatedCustomer = { organization: Organization; link: string; delivery: MailDelivery; expiresAt: Date };

/** A new customer: its organization, an empty application, and an invitation for its first user. */
export async function createCustomerOrganization(
  input: { organizationName: string; email: string },
  staffUserId: string,
): Promise<CreatedCustomer> {
  const { organization, invitation, link } = await db.$transaction(async (tx) => {
    const organization = await tx.organization.create({ data: { name: input.organizationName } });
    await tx.onboardingApplication.create({ data: { organizationId: organization.id, draft: EMPTY_DRAFT } });
    await audit(tx, {
      actorUserId: staffUserId,
      action: "organization.created",
      targetType: "Organization",
      targetId: organization.id,
      organizationId: organization.id,
    });
    const created = await createInvitation(
      { email: input.email, role: "CUSTOMER", organizationId: organization.id },
      staffUserId,
      tx,
    );
    return { organization, ...created };
  });
  await refreshOrganizationRows(organization.id);
  const delivery = await emailInvitation(invitation, link, organization.name);
  return { organization, link, delivery, expiresAt: invitation.expiresAt };
}

export async function inviteCustomerUser(
  input: { organizationId: string; email: string },
  staffUserId: string,
): Promise<{ link: string; delivery: MailDelivery; expiresAt: Date }> {
  const organization = await db.organization.findUniqueOrThrow({ where: { id: input.organizationId } });
  const { invitation, link } = await createInvitation(
    { email: input.email, role: "CUSTOMER", organizationId: organization.id },
    staffUserId,
  );
  await refreshOrganizationRows(organization.id);
  const delivery = await emailInvitation(invitation, link, organization.name);
  return { link, delivery, expiresAt: invitation.expiresAt };
}
