"use server";

import { revalidatePath } from "next/cache";

import { fail, ok } from "@/lib/action-result";
import { resendVerificationSchema } from "@/lib/brand/verification-schema";

import { requireStaffOrOwningCustomer, requireUser } from "../auth/guards";
import { isStaff } from "../auth/policy";
import { resendBrandVerification } from "../brands/brand-verification";
import { defineFormAction } from "./define-action";

/**
 * Sends a brand's verification again: a sole proprietor's one-time code (the customer or staff) or,
 * after an Authentication+ failure, the verification re-triggered by staff who accept its new fee. Another organization's application is "not
 * found". A form: it posts before the page hydrates.
 */
export const resendBrandVerificationAction = defineFormAction(
  requireUser,
  resendVerificationSchema,
  async (input, user) => {
    await requireStaffOrOwningCustomer(input.applicationId);
    const outcome = await resendBrandVerification(
      input.applicationId,
      isStaff(user) ? "staff" : "customer",
      user.id,
      new Date(),
      { acceptFee: input.acceptFee },
    );
    revalidatePath("/home");
    revalidatePath(`/staff/applications/${input.applicationId}`);
    return outcome.ok ? ok({ sent: true }) : fail(outcome.message);
  },
);
