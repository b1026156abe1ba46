import "server-only";

import type { TollfreeVerification } from "@prisma/client";

import { isTollFreeNumber } from "@/lib/numbers/schema";
import { tollfreeDraftAsInput } from "@/lib/tollfree/draft-values";
import { tollfreePathPrefix } from "@/lib/tollfree/fields";
import { editWindowOpen, tollfreeLedgerDetails, tollfreeLedgerStep } from "@/lib/tollfree/ledger-details";
import { rejectionText, rejectionUrl } from "@/lib/tollfree/rejection";
import { tollfreeSchema } from "@/lib/tollfree/schema";
import type { TollfreeAtTwilio, TollfreeNumberRow, TollfreePageData } from "@/lib/tollfree/views";

import { db } from "../db";
import { readStoredTollfreeDraft } from "./stored-tollfree-draft";
import { refreshOpenVerification } from "./tollfree-news";
import { tollfreeSnapshot } from "./tollfree-registration";

/** The organization's toll-free numbers, each with its verification (if started) and Twilio's status. */
export async function tollfreeNumberRows(organizationId: string): Promise<TollfreeNumberRow[]> {
  const numbers = await db.phoneNumber.findMany({
    where: { organizationId },
    orderBy: { phoneNumber: "asc" },
    select: { phoneNumberSid: true, phoneNumber: true },
  });
  const tollFree = numbers.filter((number) => isTollFreeNumber(number.phoneNumber));
  const verifications = await db.tollfreeVerification.findMany({
    where: { phoneNumberSid: { in: tollFree.map((number) => number.phoneNumberSid) } },
  });
  const ledger = await db.twilioResource.findMany({
    where: { step: { in: verifications.map((v) => tollfreeLedgerStep(v.id)) } },
    select: { step: true, status: true },
  });
  const statusOf = new Map(ledger.map((row) => [row.step, row.status]));
  return tollFree.map((number) => {
    const verification = verifications.find((v) => v.phoneNumberSid === number.phoneNumberSid);
    return {
      ...number,
      verification: verification
        ? {
            id: verification.id,
            status: verification.status,
            twilioStatus: statusOf.get(tollfreeLedgerStep(verification.id)) ?? null,
          }
        : null,
    };
  });
}

/** Where the verification stands at Twilio, from the ledger. */
export async function tollfreeAtTwilio(verification: TollfreeVerification): Promise<TollfreeAtTwilio | null> {
  const row = await db.twilioResource.findUnique({
    where: {
      applicationId_step: { applicationId: verification.applicationId, step: tollfreeLedgerStep(verification.id) },
    },
  });
  if (!row) return null;
  const details = tollfreeLedgerDetails(row.details);
  return {
    sid: row.sid,
    status: row.status ?? "",
    rejections:
      row.status === "TWILIO_REJECTED"
        ? details.rejections.map((rejection) => ({
            code: rejection.code,
            text: rejectionText(rejection),
            url: rejectionUrl(rejection.code),
          }))
        : [],
    editAllowed: details.editAllowed,
    editExpiration: details.editExpiration,
    windowOpen: editWindowOpen(details, new Date()),
    submission: details.submission,
  };
}

/** Open comments on the verification (staff's and Twilio's reasons) by field key. */
export async function tollfreeComments(verification: TollfreeVerification): Promise<Record<string, string[]>> {
  const prefix = tollfreePathPrefix(verification.id);
  const comments = await db.reviewComment.findMany({
    where: { applicationId: verification.applicationId, field: { startsWith: prefix }, resolvedAt: null },
    orderBy: { createdAt: "asc" },
  });
  const byField: Record<string, string[]> = {};
  for (const comment of comments) (byField[comment.field.slice(prefix.length)] ??= []).push(comment.message);
  return byField;
}

/**
 * What a page shows of one verification. Twilio is asked again first when nobody did for a while
 * (refreshOpenVerification), and the verification read after it: a rejection just learned sends it
 * back to the customer, which the page must show.
 */
export async function tollfreePageData(stale: TollfreeVerification): Promise<TollfreePageData> {
  await refreshOpenVerification(stale.id, stale.applicationId);
  const verification = await db.tollfreeVerification.findUniqueOrThrow({ where: { id: stale.id } });
  const draft = readStoredTollfreeDraft(verification.draft, verification.id);
  const parsed = tollfreeSchema.safeParse(tollfreeDraftAsInput(draft));
  const savedFieldErrors: Record<string, string> = {};
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "");
      if (key && !savedFieldErrors[key]) savedFieldErrors[key] = issue.message;
    }
  return {
    snapshot: tollfreeSnapshot(verification),
    twilio: await tollfreeAtTwilio(verification),
    comments: await tollfreeComments(verification),
    savedFieldErrors,
  };
}
