import "server-only";

import type { Organization, Prisma } from "@prisma/client";

import type { ApplicationDraft } from "@/lib/onboarding/schema/application";

import { EMPTY_DRAFT } from "../applications/empty-draft";
import { toStoredDraft } from "../applications/stored-draft";
import { audit } from "../audit/audit";
import { refreshOrganizationRows } from "../dashboard/refresh-dashboard-row";
import { db } from "../db";
import { createInvitation, emailInvitation } from "../invitations/create-invitation";
import type { MailDelivery } from "../mail/send-mail";

export type CreatedCustomer = { organization: Organization; link: string; delivery: MailDelivery; expiresAt: Date };

/** Who made a customer: a staff member, or the ISV's product through an API key (its prefix). */
export type CustomerCreator = { staffUserId: string } | { apiKeyPrefix: string };

/**
 * A new customer: its organization, an application (empty, or with the draft given), and an
 * invitation for its first user.
 */
export async function createCustomerOrganization(
  input: { organizationName: string; email: string; externalId?: string; draft?: ApplicationDraft },
  creator: string | CustomerCreator,
): Promise<CreatedCustomer> {
  const by: CustomerCreator = typeof creator === "string" ? { staffUserId: creator } : creator;
  const staffUserId = "staffUserId" in by ? by.staffUserId : null;
  const { organization, invitation, link } = await db.$transaction(async (tx) => {
    const organization = await tx.organization.create({
      data: { name: input.organizationName, externalId: input.externalId ?? null },
    });
    const application = await tx.onboardingApplication.create({
      data: { organizationId: organization.id, draft: EMPTY_DRAFT },
    });
    // The draft's personal fields are encrypted for this application's own id: written once it has one.
    if (input.draft)
      await tx.onboardingApplication.update({
        where: { id: application.id },
        data: { draft: toStoredDraft(input.draft, application.id) as Prisma.InputJsonValue },
      });
    await audit(tx, {
      actorUserId: staffUserId,
      action: "organization.created",
      targetType: "Organization",
      targetId: organization.id,
      organizationId: organization.id,
      ...("apiKeyPrefix" in by ? { metadata: { apiKey: by.apiKeyPrefix } } : {}),
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
