import "server-only";

import { TOLLFREE_FIELDS } from "@/lib/tollfree/fields";
import type { TollfreeStaffView } from "@/lib/tollfree/views";

import { db } from "../db";
import { readStoredTollfreeDraft } from "./stored-tollfree-draft";
import { refreshOpenVerification } from "./tollfree-news";
import { tollfreeAtTwilio, tollfreeComments } from "./tollfree-page";

const shown = (value: unknown, options?: readonly { value: string; label: string }[]): string => {
  if (Array.isArray(value)) return value.map((item) => shown(item, options)).join(", ");
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value !== "string") return "";
  return options?.find((option) => option.value === value)?.label ?? value;
};

/** The application's toll-free verifications as staff review them: every answer, its notes, Twilio's word. */
export async function tollfreeForStaff(applicationId: string): Promise<TollfreeStaffView[]> {
  const verifications = await db.tollfreeVerification.findMany({
    where: { applicationId },
    orderBy: { createdAt: "asc" },
  });
  for (const verification of verifications) await refreshOpenVerification(verification.id, applicationId);
  const fresh = await db.tollfreeVerification.findMany({ where: { applicationId }, orderBy: { createdAt: "asc" } });
  return Promise.all(
    fresh.map(async (verification) => {
      const draft = readStoredTollfreeDraft(verification.draft, verification.id) as Record<string, unknown>;
      const comments = await tollfreeComments(verification);
      return {
        id: verification.id,
        phoneNumber: verification.phoneNumber,
        status: verification.status,
        version: verification.version,
        submittedAt: verification.submittedAt?.toISOString() ?? null,
        rows: TOLLFREE_FIELDS.map((field) => ({
          key: field.key,
          label: field.label,
          value: shown(draft[field.key], field.options),
          notes: comments[field.key] ?? [],
        })),
        twilio: await tollfreeAtTwilio(verification),
        fieldOptions: TOLLFREE_FIELDS.map((field) => ({ value: field.key, label: field.label })),
      };
    }),
  );
}
