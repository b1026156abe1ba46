"use server";

import { revalidatePath } from "next/cache";

import { fail, fieldError, ok } from "@/lib/action-result";
import {
  assignNumberSchema,
  buyNumberSchema,
  searchNumbersSchema,
  type NumberSearchResult,
} from "@/lib/numbers/schema";

import { requireStaff, requireUser } from "../auth/guards";
import { BUYING_NOT_ALLOWED, requireNumberBuyer } from "../auth/number-manager";
import { assignNumber, unassignNumber } from "../numbers/assign-number";
import { buyNumber, searchNumbersToBuy } from "../numbers/buy-number";
import { defineFormAction } from "./define-action";

/**
 * Getting a customer a number (#26 line 1): staff, or the customer when the ISV allows it, search
 * an area code and buy one into the customer's account, the monthly price shown first; staff give
 * numbers of the ISV's own account to customers without a subaccount. Forms: they post before the
 * page hydrates, and the area code typed stays in the field when it is refused.
 */
function refreshNumberPages(organizationId: string) {
  revalidatePath(`/staff/customers/${organizationId}`);
  revalidatePath("/home");
  revalidatePath("/toll-free");
}

export const searchNumbersAction = defineFormAction(requireUser, searchNumbersSchema, async (input) => {
  const { allowed } = await requireNumberBuyer(input.organizationId);
  if (!allowed) return fail(BUYING_NOT_ALLOWED);
  const outcome = await searchNumbersToBuy(input.organizationId, input.areaCode, input.kind);
  if (!outcome.ok) return outcome.field ? fieldError(outcome.field, outcome.message) : fail(outcome.message);
  return ok<NumberSearchResult>(outcome.result);
});

export const buyNumberAction = defineFormAction(requireUser, buyNumberSchema, async (input) => {
  const { user, allowed } = await requireNumberBuyer(input.organizationId);
  if (!allowed) return fail(BUYING_NOT_ALLOWED);
  const outcome = await buyNumber(input.organizationId, input.phoneNumber, user.id);
  if (!outcome.ok) return fail(outcome.message, outcome.field ? { [outcome.field]: [outcome.message] } : {});
  refreshNumberPages(input.organizationId);
  return ok({ phoneNumberSid: outcome.phoneNumberSid, monthlyPrice: outcome.monthlyPrice });
});

export const assignNumberAction = defineFormAction(requireStaff, assignNumberSchema, async (input, staff) => {
  const outcome = await assignNumber(input.organizationId, input.phoneNumberSid, staff.id);
  refreshNumberPages(input.organizationId);
  return outcome.ok ? ok({ assigned: true }) : fail(outcome.message);
});

export const unassignNumberAction = defineFormAction(requireStaff, assignNumberSchema, async (input, staff) => {
  const outcome = await unassignNumber(input.organizationId, input.phoneNumberSid, staff.id);
  refreshNumberPages(input.organizationId);
  return outcome.ok ? ok({ assigned: false }) : fail(outcome.message);
});
