"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { fail, ok } from "@/lib/action-result";

import { startAdoptionScan } from "../adoption/adoption-run";
import { readOnlyAdoptionHandles } from "../adoption/handles";
import { requireAdmin } from "../auth/guards";
import { TwilioNotConfiguredError } from "../twilio/account-credentials";
import { defineFormAction } from "./define-action";

/** An administrator starts the read-only adoption scan (a running one is answered, not doubled). */
export const startAdoptionScanAction = defineFormAction(requireAdmin, z.object({}), async (_input, admin) => {
  try {
    const runId = await startAdoptionScan(readOnlyAdoptionHandles(), admin.id);
    revalidatePath("/staff/adoption");
    return ok({ runId });
  } catch (error) {
    if (error instanceof TwilioNotConfiguredError)
      return fail("Set the ISV's Twilio account (TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN) before scanning it.");
    throw error;
  }
});
