"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { fail, ok, type ActionResult } from "@/lib/action-result";
import { MAX_IMPORT_BYTES } from "@/lib/customer-import/parse-customer-csv";

import { requireStaff } from "../auth/guards";
import { checkCustomerImport, type ImportCheck } from "../customer-import/check-import";
import { startCustomerImport } from "../customer-import/run-import";
import { defineAction, defineFormAction } from "./define-action";

const uploadSchema = z.object({
  file: z
    .instanceof(File, { error: "Choose a CSV file." })
    .refine((file) => file.size > 0, "Choose a CSV file: this one is empty.")
    .refine(
      (file) => file.size <= MAX_IMPORT_BYTES,
      `Choose a file of at most ${MAX_IMPORT_BYTES / 1024} kB: split a larger book of customers into several files.`,
    ),
});

const checkImport = defineAction(requireStaff, uploadSchema, async ({ file }, staff) =>
  ok(await checkCustomerImport({ name: file.name, text: await file.text() }, { staffUserId: staff.id })),
);

/**
 * The dry run of a customer import, for a form with a file (the generic form action reads text
 * fields only). It imports nothing: it answers every row's problems, or a checked import to start.
 */
export async function checkImportAction(
  _previous: ActionResult<ImportCheck> | null,
  formData: FormData,
): Promise<ActionResult<ImportCheck>> {
  const result = await checkImport({ file: formData instanceof FormData ? formData.get("file") : null } as never);
  if (result.ok) revalidatePath("/staff/imports");
  return result;
}

/** Starts a checked import; a second click finds it started and starts nothing. */
export const startImportAction = defineFormAction(
  requireStaff,
  z.object({ importId: z.string().min(1).max(100) }),
  async ({ importId }, staff) => {
    if (!(await startCustomerImport(importId, { staffUserId: staff.id })))
      return fail("This import has already been started, or is no longer waiting to be started.");
    revalidatePath("/staff/imports");
    return ok(undefined);
  },
);
