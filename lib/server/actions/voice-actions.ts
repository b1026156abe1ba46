"use server";

import { revalidatePath } from "next/cache";

import { fail, ok } from "@/lib/action-result";
import { shakenStirRequestSchema } from "@/lib/voice/schema";

import { requireUser } from "../auth/guards";
import { NUMBERS_NOT_ALLOWED, requireNumberManager } from "../auth/number-manager";
import { requestShakenStir } from "../voice/shaken-stir";
import { defineFormAction } from "./define-action";

/** Numbers for SHAKEN/STIR: staff always, the customer when the ISV allows it (a form: posts without JavaScript). */
export const requestShakenStirAction = defineFormAction(requireUser, shakenStirRequestSchema, async (input) => {
  const { user, allowed } = await requireNumberManager(input.applicationId);
  if (!allowed) return fail(NUMBERS_NOT_ALLOWED);
  const outcome = await requestShakenStir(input.applicationId, input.phoneNumberSids, user.id);
  revalidatePath(`/staff/applications/${input.applicationId}`);
  return outcome.ok ? ok({ queued: true }) : fail(outcome.message);
});
