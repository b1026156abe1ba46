"use server";

import { revalidatePath } from "next/cache";

import { fail, ok } from "@/lib/action-result";
import { approveSchema, editFieldSchema, requestChangesSchema } from "@/lib/onboarding/review-schema";

import { approveApplication } from "../applications/approve-application";
import { retryProvisioning } from "../applications/retry-provisioning";
import { editField, requestChanges } from "../applications/review";
import { requireStaff } from "../auth/guards";
import { defineAction, defineFormAction } from "./define-action";

export const approveApplicationAction = defineAction(requireStaff, approveSchema, async ({ applicationId }, staff) => {
  const outcome = await approveApplication(applicationId, staff.id);
  revalidatePath(`/staff/applications/${applicationId}`);
  if (!outcome.ok) return fail(outcome.message);
  return ok({ started: outcome.started });
});

export const requestChangesAction = defineAction(
  requireStaff,
  requestChangesSchema,
  async ({ applicationId, comments }, staff) => {
    const outcome = await requestChanges(applicationId, comments, staff.id);
    revalidatePath(`/staff/applications/${applicationId}`);
    return outcome.ok ? ok({ sent: true }) : fail(outcome.message);
  },
);

export const editFieldAction = defineAction(
  requireStaff,
  editFieldSchema,
  async ({ applicationId, field, value }, staff) => {
    const outcome = await editField(applicationId, field, value, staff.id);
    revalidatePath(`/staff/applications/${applicationId}`);
    return outcome.ok ? ok({ saved: true }) : fail(outcome.message);
  },
);

/** A FAILED provisioning job run again (a form: it posts before the page hydrates). */
export const retryProvisioningAction = defineFormAction(
  requireStaff,
  approveSchema,
  async ({ applicationId }, staff) => {
    const outcome = await retryProvisioning(applicationId, staff.id);
    revalidatePath(`/staff/applications/${applicationId}`);
    return outcome.ok ? ok({ retried: true }) : fail(outcome.message);
  },
);
