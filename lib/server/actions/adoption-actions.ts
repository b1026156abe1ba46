"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { fail, ok } from "@/lib/action-result";

import { startAdoptionScan } from "../adoption/adoption-run";
import { adoptableOrganizations, confirmAdoption, type AdoptionDecision } from "../adoption/bring-in";
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
const ORGANIZATION_PREFIX = "organization:";

/**
 * An administrator confirms (or corrects) a scan's proposal: per customer found, `decision:<id>` is
 * "new", "match", "leave" or "other" (with `organization:<id>`, the name of another customer that
 * has no registration yet); a customer not named takes the page's default. Brought in by the job.
 */
export const confirmAdoptionAction = defineFormAction(
  requireAdmin,
  z
    .object({ runId: z.string().min(1).max(100) })
    .catchall(z.string().max(100))
    .refine((input) => Object.keys(input).length <= 20_001, "Too many customers in one form."),
  async (input, admin) => {
    const decisions: Record<string, AdoptionDecision> = {};
    const others: Record<string, string> = {};
    for (const [key, value] of Object.entries(input)) {
      if (!key.startsWith(DECISION_PREFIX)) continue;
      const candidateId = key.slice(DECISION_PREFIX.length);
      if (value === "new" || value === "match" || value === "leave") decisions[candidateId] = value;
      else if (value === "other") others[candidateId] = (input[`${ORGANIZATION_PREFIX}${candidateId}`] ?? "").trim();
    }
    // "Another customer": named on the page (from the list of customers with no registration yet).
    const organizations = await adoptableOrganizations(100_000);
    const chosen: Record<string, string> = {};
    const fieldErrors: Record<string, string[]> = {};
    for (const [candidateId, name] of Object.entries(others)) {
      const named = organizations.filter((organization) => organization.name === name);
      if (named.length === 1) chosen[candidateId] = named[0]!.id;
      else
        fieldErrors[`${ORGANIZATION_PREFIX}${candidateId}`] = [
          !name
            ? "Name the customer to bring this one into."
            : named.length
              ? "Several customers have this name: rename one first."
              : "No customer without a registration has this name.",
        ];
    }
    if (Object.keys(fieldErrors).length)
      return fail("Some customers could not be matched as chosen: nothing was confirmed.", fieldErrors);
    const outcome = await confirmAdoption(input.runId, decisions, admin.id, chosen);
    if (!outcome.ok) return fail(outcome.reason);
    revalidatePath("/staff/adoption");
    return ok({ confirmed: outcome.confirmed, leftOut: outcome.leftOut, known: outcome.known });
  },
);
