"use server";

import { z } from "zod";

import { fail, ok } from "@/lib/action-result";

import { submitApplication } from "../applications/application-draft";
import { requireCustomer, requireStaffOrOwningCustomer } from "../auth/guards";
import { defineAction } from "./define-action";

const submitInput = z.object({ applicationId: z.string().min(1), expectedVersion: z.number().int().positive() });

export const submitApplicationAction = defineAction(requireCustomer, submitInput, async (input, customer) => {
  const { application } = await requireStaffOrOwningCustomer(input.applicationId);
  const outcome = await submitApplication(application, input.expectedVersion, customer.id);
  if (outcome.ok) return ok({ snapshot: outcome.snapshot });
  if (outcome.reason === "invalid")
    return fail("Some answers need attention before you can send the application.", outcome.fieldErrors);
  if (outcome.reason === "locked") return fail("This application has already been sent for review.");
  return fail(
    "This application was changed in another tab or by our team. Reload to see the newest version before sending.",
  );
});
