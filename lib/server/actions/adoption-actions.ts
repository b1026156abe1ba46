"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { fail, ok } from "@/lib/action-result";

import { startAdoptionScan } from "../adoption/adoption-run";
import { confirmAdoption, type AdoptionDecision } from "../adoption/bring-in";
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

const DECISION_PREFIX = "decision:";

/**
 * An administrator confirms (or corrects) a scan's proposal: per customer found, `decision:<id>` is
 * "new", "match" or "leave"; a customer not named takes the page's default. Brought in by the job.
 */
export const confirmAdoptionAction = defineFormAction(
  requireAdmin,
  z
    .object({ runId: z.string().min(1).max(100) })
    .catchall(z.string().max(100))
    .refine((input) => Object.keys(input).length <= 20_001, "Too many customers in one form."),
  async (input, admin) => {
    const decisions: Record<string, AdoptionDecision> = {};
    for (const [key, value] of Object.entries(input))
      if (key.startsWith(DECISION_PREFIX) && (value === "new" || value === "match" || value === "leave"))
        decisions[key.slice(DECISION_PREFIX.length)] = value;
    const outcome = await confirmAdoption(input.runId, decisions, admin.id);
    if (!outcome.ok) return fail(outcome.reason);
    revalidatePath("/staff/adoption");
    return ok({ confirmed: outcome.confirmed, leftOut: outcome.leftOut, known: outcome.known });
  },
);
