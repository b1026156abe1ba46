"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { fail, ok } from "@/lib/action-result";

import { requireStaff } from "../auth/guards";
import { setRemindersOff } from "../reminders/reminder-settings";
import { defineFormAction } from "./define-action";

/** Reminders on or off for one customer (staff); an unticked box posts nothing, so absent is off. */
export const setRemindersAction = defineFormAction(
  requireStaff,
  z.object({ organizationId: z.string().min(1).max(100), reminders: z.literal("on").optional() }),
  async ({ organizationId, reminders }, staff) => {
    if (!(await setRemindersOff(organizationId, reminders !== "on", staff.id))) return fail("We could not find that.");
    revalidatePath(`/staff/customers/${organizationId}`);
    return ok({ on: reminders === "on" });
  },
);
