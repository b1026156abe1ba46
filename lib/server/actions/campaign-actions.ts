"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { fail, ok } from "@/lib/action-result";
import { strictCampaignDraftSchema } from "@/lib/campaign/draft";
import {
  approveCampaignSchema,
  editCampaignFieldSchema,
  requestCampaignChangesSchema,
  senderNumberSchema,
} from "@/lib/campaign/review-schema";
import type { CampaignSnapshot } from "@/lib/campaign/views";

import { requireCustomer, requireStaff, requireStaffOrOwningCustomer, requireUser } from "../auth/guards";
import { NUMBERS_NOT_ALLOWED, requireNumberManager } from "../auth/number-manager";
import { openCampaignRegistration, saveCampaignDraft, submitCampaign } from "../campaigns/campaign-registration";
import { approveCampaign, editCampaignField, requestCampaignChanges } from "../campaigns/campaign-review";
import { addSenderNumber, removeSenderNumber } from "../campaigns/sender-numbers";
import { db } from "../db";
import { defineAction, defineFormAction } from "./define-action";

/**
 * The campaign's actions name the application (like every other action): the same guards decide
 * who may touch it, and a campaign is found through its application, never by an id from the
 * browser alone.
 */
const NOT_OPEN = "The campaign step opens once your brand is approved.";
const MAX_CAMPAIGN_DRAFT_BYTES = 64 * 1024;

const saveInput = z.object({
  applicationId: z.string().min(1),
  expectedVersion: z.number().int().positive(),
  draft: strictCampaignDraftSchema.refine(
    (draft) => JSON.stringify(draft).length <= MAX_CAMPAIGN_DRAFT_BYTES,
    "This draft is too large to save.",
  ),
});

export type SaveCampaignResult = { snapshot: CampaignSnapshot } | { conflict: CampaignSnapshot; locked: boolean };

/** Autosave of the campaign draft: only the customer's own, never over a newer version. */
export const saveCampaignDraftAction = defineAction(requireCustomer, saveInput, async (input) => {
  await requireStaffOrOwningCustomer(input.applicationId);
  const registration = await openCampaignRegistration(input.applicationId);
  if (!registration) return fail(NOT_OPEN);
  const outcome = await saveCampaignDraft(registration, input);
  if (outcome.ok) return ok<SaveCampaignResult>({ snapshot: outcome.snapshot });
  return ok<SaveCampaignResult>({ conflict: outcome.current, locked: outcome.reason === "locked" });
});

const submitInput = z.object({ applicationId: z.string().min(1), expectedVersion: z.number().int().positive() });

export const submitCampaignAction = defineAction(requireCustomer, submitInput, async (input, customer) => {
  await requireStaffOrOwningCustomer(input.applicationId);
  const registration = await openCampaignRegistration(input.applicationId);
  if (!registration) return fail(NOT_OPEN);
  const outcome = await submitCampaign(registration, input.expectedVersion, customer.id);
  if (outcome.ok) return ok({ snapshot: outcome.snapshot });
  if (outcome.reason === "invalid")
    return fail("Some answers need attention before you can send the campaign.", outcome.fieldErrors);
  if (outcome.reason === "locked") return fail("This campaign has already been sent for review.");
  return fail("This campaign was changed in another tab or by our team. Reload to see the newest version.");
});

async function campaignIdOf(applicationId: string): Promise<string | null> {
  return (await db.campaignRegistration.findUnique({ where: { applicationId }, select: { id: true } }))?.id ?? null;
}

/** Staff approval (a form: it posts before the page hydrates), with the override reason and fee consent. */
export const approveCampaignAction = defineFormAction(requireStaff, approveCampaignSchema, async (input, staff) => {
  const campaignId = await campaignIdOf(input.applicationId);
  if (!campaignId) return fail("This customer has not written a campaign yet.");
  const outcome = await approveCampaign(campaignId, staff.id, input);
  revalidatePath(`/staff/applications/${input.applicationId}`);
  if (!outcome.ok) return fail(outcome.message);
  return ok({ started: outcome.started ?? false });
});

export const requestCampaignChangesAction = defineAction(
  requireStaff,
  requestCampaignChangesSchema,
  async ({ applicationId, comments }, staff) => {
    const campaignId = await campaignIdOf(applicationId);
    if (!campaignId) return fail("This customer has not written a campaign yet.");
    const outcome = await requestCampaignChanges(campaignId, comments, staff.id);
    revalidatePath(`/staff/applications/${applicationId}`);
    return outcome.ok ? ok({ sent: true }) : fail(outcome.message);
  },
);

export const editCampaignFieldAction = defineFormAction(
  requireStaff,
  editCampaignFieldSchema,
  async ({ applicationId, field, value }, staff) => {
    const campaignId = await campaignIdOf(applicationId);
    if (!campaignId) return fail("This customer has not written a campaign yet.");
    const outcome = await editCampaignField(campaignId, field, value, staff.id);
    revalidatePath(`/staff/applications/${applicationId}`);
    return outcome.ok ? ok({ saved: true }) : fail(outcome.message, { value: [outcome.message] });
  },
);

export const addSenderNumberAction = defineFormAction(requireUser, senderNumberSchema, async (input) => {
  const { user, allowed } = await requireNumberManager(input.applicationId);
  if (!allowed) return fail(NUMBERS_NOT_ALLOWED);
  const outcome = await addSenderNumber(input.applicationId, input.phoneNumberSid, user.id);
  revalidatePath(`/staff/applications/${input.applicationId}`);
  revalidatePath("/home");
  return outcome.ok ? ok({ inPool: true }) : fail(outcome.message);
});

export const removeSenderNumberAction = defineFormAction(requireUser, senderNumberSchema, async (input) => {
  const { user, allowed } = await requireNumberManager(input.applicationId);
  if (!allowed) return fail(NUMBERS_NOT_ALLOWED);
  const outcome = await removeSenderNumber(input.applicationId, input.phoneNumberSid, user.id);
  revalidatePath(`/staff/applications/${input.applicationId}`);
  revalidatePath("/home");
  return outcome.ok ? ok({ inPool: false }) : fail(outcome.message);
});
