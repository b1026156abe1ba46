"use server";

import { revalidatePath } from "next/cache";

import { fail, ok } from "@/lib/action-result";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/staff/schema";

import { createApiKey, revokeApiKey } from "../api-keys/api-keys";
import { requireAdmin } from "../auth/guards";
import { defineFormAction } from "./define-action";

/** An administrator makes an API key; its value is in this answer and nowhere else, ever. */
export const createApiKeyAction = defineFormAction(requireAdmin, createApiKeySchema, async (input, admin) => {
  const { key, view } = await createApiKey(input, admin.id);
  revalidatePath("/staff/api-keys");
  return ok({ key, name: view.name, scope: view.scope });
});

export const revokeApiKeyAction = defineFormAction(requireAdmin, revokeApiKeySchema, async (input, admin) => {
  if (!(await revokeApiKey(input.id, admin.id))) return fail("This key was already revoked.");
  revalidatePath("/staff/api-keys");
  return ok(undefined);
});
