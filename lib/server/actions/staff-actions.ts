"use server";

import { revalidatePath } from "next/cache";

import { fail, fieldError, ok } from "@/lib/action-result";
import {
  changeRoleSchema,
  createCustomerSchema,
  customerAccountSchema,
  inviteCustomerUserSchema,
  inviteStaffSchema,
  isvSettingsSchema,
  removeUserSchema,
  twilioSettingsSchema,
} from "@/lib/staff/schema";
import type { InvitationLinkResult } from "@/lib/staff/views";

import { audit } from "../audit/audit";
import { requireAdmin, requireStaff } from "../auth/guards";
import { db } from "../db";
import { createInvitation, emailInvitation, EmailTakenError } from "../invitations/create-invitation";
import { createCustomerOrganization, inviteCustomerUser } from "../organizations/create-customer-organization";
import { setCustomerAccount } from "../organizations/customer-account";
import { saveTwilioSettings } from "../settings/twilio-settings";
import { changeStaffRole, removeUser } from "../users/manage-users";
import { defineAction, defineFormAction } from "./define-action";

export type { InvitationLinkResult };

export const createCustomerAction = defineAction(requireStaff, createCustomerSchema, async (input, staff) => {
  try {
    const created = await createCustomerOrganization(input, staff.id);
    revalidatePath("/staff");
    return ok<InvitationLinkResult>({
      organizationId: created.organization.id,
      link: created.link,
      emailed: created.delivery === "smtp",
      expiresAt: created.expiresAt.toISOString(),
    });
  } catch (error) {
    if (error instanceof EmailTakenError) return fieldError("email", error.message);
    throw error;
  }
});

export const inviteCustomerUserAction = defineAction(requireStaff, inviteCustomerUserSchema, async (input, staff) => {
  const organization = await db.organization.findUnique({ where: { id: input.organizationId } });
  if (!organization) return fail("This customer no longer exists.");
  try {
    const created = await inviteCustomerUser(input, staff.id);
    revalidatePath(`/staff/customers/${organization.id}`);
    return ok<InvitationLinkResult>({
      link: created.link,
      emailed: created.delivery === "smtp",
      expiresAt: created.expiresAt.toISOString(),
    });
  } catch (error) {
    if (error instanceof EmailTakenError) return fieldError("email", error.message);
    throw error;
  }
});

export const inviteStaffAction = defineAction(requireAdmin, inviteStaffSchema, async (input, admin) => {
  try {
    const { invitation, link } = await createInvitation({ email: input.email, role: input.role }, admin.id);
    const delivery = await emailInvitation(invitation, link);
    revalidatePath("/staff/team");
    return ok<InvitationLinkResult>({
      link,
      emailed: delivery === "smtp",
      expiresAt: invitation.expiresAt.toISOString(),
    });
  } catch (error) {
    if (error instanceof EmailTakenError) return fieldError("email", error.message);
    throw error;
  }
});

export const updateIsvSettingsAction = defineAction(requireAdmin, isvSettingsSchema, async (input, admin) => {
  await db.isvSettings.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: input });
  await audit(db, {
    actorUserId: admin.id,
    action: "settings.updated",
    targetType: "IsvSettings",
    targetId: "1",
    metadata: { fields: Object.keys(input) },
  });
  revalidatePath("/", "layout");
  return ok({ savedAt: new Date().toISOString() });
});

export const updateTwilioSettingsAction = defineAction(requireAdmin, twilioSettingsSchema, async (input, admin) => {
  const outcome = await saveTwilioSettings(input, admin.id);
  if (!outcome.ok) return fieldError(outcome.field, outcome.message);
  revalidatePath("/staff/settings");
  return ok({ savedAt: new Date().toISOString() });
});

export const setCustomerAccountAction = defineAction(requireAdmin, customerAccountSchema, async (input, admin) => {
  const outcome = await setCustomerAccount(input, admin.id);
  if (!outcome.ok) return outcome.field ? fieldError(outcome.field, outcome.message) : fail(outcome.message);
  revalidatePath(`/staff/customers/${input.organizationId}`);
  return ok({ accountSid: outcome.accountSid });
});

export const changeStaffRoleAction = defineFormAction(requireAdmin, changeRoleSchema, async (input, admin) => {
  const outcome = await changeStaffRole(input.userId, input.role, admin.id);
  revalidatePath("/staff/team");
  return outcome.ok ? ok({ role: input.role }) : fail(outcome.message);
});

export const removeUserAction = defineFormAction(requireAdmin, removeUserSchema, async (input, admin) => {
  const outcome = await removeUser(input.userId, admin.id);
  revalidatePath("/staff/team");
  revalidatePath("/staff/customers", "layout");
  return outcome.ok ? ok({ removed: true }) : fail(outcome.message);
});
