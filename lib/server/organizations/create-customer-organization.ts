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

/**
 * Who made a customer: a staff member, the ISV's product through an API key (its prefix), or an
 * import whose maker is gone (their account deleted since).
 */
export type CustomerCreator = { staffUserId: string } | { apiKeyPrefix: string } | { importId: string };

/**
 * A new customer: its organization, an application (empty, or with the draft given), and an
 * invitation for its first user.
 */
export async function createCustomerOrganization(
  input: CustomerRecordsInput & { email: string },
  creator: string | CustomerCreator,
): Promise<CreatedCustomer> {
  const by: CustomerCreator = typeof creator === "string" ? { staffUserId: creator } : creator;
  const { organization, invitation, link } = await db.$transaction(async (tx) => {
    const organization = await createCustomerRecords(tx, input, by);
    const created = await createInvitation(
      { email: input.email, role: "CUSTOMER", organizationId: organization.id },
      "staffUserId" in by ? by.staffUserId : null,
      tx,
    );
    return { organization, ...created };
  });
  await refreshOrganizationRows(organization.id);
  const delivery = await emailInvitation(invitation, link, organization.name);
  return { organization, link, delivery, expiresAt: invitation.expiresAt };
}

export type CustomerRecordsInput = { organizationName: string; externalId?: string; draft?: ApplicationDraft };

/**
 * The organization and its application (empty, or with the draft given), audited as made by its
 * creator, inside the caller's transaction; no invitation (the caller sends it, now or later).
 */
export async function createCustomerRecords(
  tx: Prisma.TransactionClient,
  input: CustomerRecordsInput,
  by: CustomerCreator,
): Promise<Organization> {
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
    actorUserId: "staffUserId" in by ? by.staffUserId : null,
    action: "organization.created",
    targetType: "Organization",
    targetId: organization.id,
    organizationId: organization.id,
    ...("apiKeyPrefix" in by ? { metadata: { apiKey: by.apiKeyPrefix } } : {}),
    ...("importId" in by ? { metadata: { import: by.importId } } : {}),
  });
  return organization;
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
