"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { fail, ok } from "@/lib/action-result";
import { strictTollfreeDraftSchema } from "@/lib/tollfree/draft";
import { approveTollfreeSchema, requestTollfreeChangesSchema } from "@/lib/tollfree/review-schema";
import type { TollfreeSnapshot } from "@/lib/tollfree/views";

import { getCustomerHome } from "../applications/customer-home";
import { requireCustomer, requireStaff } from "../auth/guards";
import { db } from "../db";
import { openTollfreeVerification, saveTollfreeDraft, submitTollfree } from "../tollfree/tollfree-registration";
import { approveTollfree, requestTollfreeChanges } from "../tollfree/tollfree-review";
import { defineAction, defineFormAction } from "./define-action";

/**
 * The toll-free verification's actions. The customer's name the number, never a verification id:
 * the verification is found through the caller's own application and a toll-free number of their
 * organization (openTollfreeVerification), so another customer's is out of reach. Staff's name
 * the verification (staff may see every customer's).
 */
const NOT_YOURS = "This is not one of your toll-free numbers.";
const MAX_DRAFT_BYTES = 64 * 1024;
const phoneNumberSid = z.string().regex(/^PN[0-9a-fA-F]{32}$/, "Choose one of your toll-free numbers.");

async function customersVerification(organizationId: string, number: string) {
  const { application } = await getCustomerHome(organizationId);
  return application ? openTollfreeVerification(application.id, number) : null;
}

export type SaveTollfreeResult = { snapshot: TollfreeSnapshot } | { conflict: TollfreeSnapshot; locked: boolean };

const saveInput = z.object({
  phoneNumberSid,
  expectedVersion: z.number().int().positive(),
  draft: strictTollfreeDraftSchema.refine(
    (draft) => JSON.stringify(draft).length <= MAX_DRAFT_BYTES,
    "This draft is too large to save.",
  ),
});

/** Autosave: only the customer's own, never over a newer version. */
export const saveTollfreeDraftAction = defineAction(requireCustomer, saveInput, async (input, customer) => {
  const verification = await customersVerification(customer.organizationId, input.phoneNumberSid);
  if (!verification) return fail(NOT_YOURS);
  const outcome = await saveTollfreeDraft(verification, input);
  if (outcome.ok) return ok<SaveTollfreeResult>({ snapshot: outcome.snapshot });
  return ok<SaveTollfreeResult>({ conflict: outcome.current, locked: outcome.reason === "locked" });
});

const submitInput = z.object({ phoneNumberSid, expectedVersion: z.number().int().positive() });

export const submitTollfreeAction = defineAction(requireCustomer, submitInput, async (input, customer) => {
  const verification = await customersVerification(customer.organizationId, input.phoneNumberSid);
  if (!verification) return fail(NOT_YOURS);
  const outcome = await submitTollfree(verification, input.expectedVersion, customer.id);
  revalidatePath("/toll-free");
  if (outcome.ok) return ok({ snapshot: outcome.snapshot });
  if (outcome.reason === "invalid")
    return fail("Some answers need attention before you can send this verification.", outcome.fieldErrors);
  if (outcome.reason === "locked") return fail("This verification has already been sent for review.");
  return fail("This verification was changed in another tab or by our team. Reload to see the newest version.");
});

async function applicationOfVerification(verificationId: string) {
  return (await db.tollfreeVerification.findUnique({ where: { id: verificationId }, select: { applicationId: true } }))
    ?.applicationId;
}

/** Staff approval (a form: it posts before the page hydrates). */
export const approveTollfreeAction = defineFormAction(requireStaff, approveTollfreeSchema, async (input, staff) => {
  const outcome = await approveTollfree(input.verificationId, input.expectedVersion, staff.id);
  const applicationId = await applicationOfVerification(input.verificationId);
  if (applicationId) revalidatePath(`/staff/applications/${applicationId}`);
  if (!outcome.ok) return fail(outcome.message);
  return ok({ newSubmission: outcome.newSubmission });
});

export const requestTollfreeChangesAction = defineAction(
  requireStaff,
  requestTollfreeChangesSchema,
  async ({ verificationId, comments }, staff) => {
    const outcome = await requestTollfreeChanges(verificationId, comments, staff.id);
    const applicationId = await applicationOfVerification(verificationId);
    if (applicationId) revalidatePath(`/staff/applications/${applicationId}`);
    return outcome.ok ? ok({ sent: true }) : fail(outcome.message);
  },
);
