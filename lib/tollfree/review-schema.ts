import { z } from "zod";

import { TOLLFREE_FIELD_KEYS } from "./fields";

/** Inputs of the toll-free verification's staff review, shared by its forms and actions. */
const verificationId = z.string().min(1);

export const approveTollfreeSchema = z.object({
  verificationId,
  expectedVersion: z.coerce.number().int().positive(),
});

export const requestTollfreeChangesSchema = z.object({
  verificationId,
  comments: z
    .array(
      z.object({
        field: z.enum(TOLLFREE_FIELD_KEYS, { error: "Choose a field." }),
        message: z.string().trim().min(1, "Write what needs to change.").max(1000, "Use at most 1000 characters."),
      }),
    )
    .min(1, "Add at least one comment for the customer."),
});
