import { z } from "zod";

import { EDITABLE_FIELD_PATHS } from "@/lib/onboarding/field-edits";

/** A field path of the application that staff may comment on or edit: only the review's own rows. */
export const fieldPath = z.enum(EDITABLE_FIELD_PATHS, { error: "Choose a field." });

export const requestChangesSchema = z.object({
  applicationId: z.string().min(1),
  comments: z
    .array(
      z.object({
        field: fieldPath,
        message: z.string().trim().min(1, "Write what needs to change.").max(1000, "Use at most 1000 characters."),
      }),
    )
    .min(1, "Add at least one comment for the customer."),
});

export const editFieldSchema = z.object({
  applicationId: z.string().min(1),
  field: fieldPath,
  value: z.string().max(1000, "Use at most 1000 characters."),
});

export const approveSchema = z.object({ applicationId: z.string().min(1) });
