import "server-only";

import { tollfreeDraftAsInput } from "@/lib/tollfree/draft-values";
import { tollfreePathPrefix, type TollfreeFieldKey } from "@/lib/tollfree/fields";
import { editWindowOpen, tollfreeLedgerDetails, tollfreeLedgerStep } from "@/lib/tollfree/ledger-details";
import { tollfreeSchema } from "@/lib/tollfree/schema";

import { audit } from "../audit/audit";
import { db } from "../db";
import { enqueueProvisioning } from "../jobs/enqueue";
import { emailCustomerUsers } from "../notifications/email-customer-users";
import { requestPhase } from "../provisioning/job";
import { readStoredTollfreeDraft } from "./stored-tollfree-draft";

type Outcome = { ok: true; newSubmission: boolean } | { ok: false; message: string };

/**
 * Staff approve a verification the customer sent: the version they read is the one sent to Twilio
 * (approvedVersion), by the application's job in its "tollfree" phase, asked for in the same
 * transaction (one approval, one run, on any instance). After a rejection whose edit window has
 * closed (or whose reasons allow no edit), this approval is a new submission: Twilio reviews it in
 * its standard queue, and the customer is told why it takes longer.
 */
export async function approveTollfree(
  verificationId: string,
  expectedVersion: number,
  staffUserId: string,
): Promise<Outcome> {
  const verification = await db.tollfreeVerification.findUnique({
    where: { id: verificationId },
    include: { application: { select: { organizationId: true } } },
  });
  if (!verification) return { ok: false, message: "This verification no longer exists." };
  const parsed = tollfreeSchema.safeParse(
    tollfreeDraftAsInput(readStoredTollfreeDraft(verification.draft, verification.id)),
  );
  if (!parsed.success) return { ok: false, message: "Some answers are not complete: send it back to the customer." };
  const ledger = await db.twilioResource.findUnique({
    where: {
      applicationId_step: { applicationId: verification.applicationId, step: tollfreeLedgerStep(verification.id) },
    },
  });
  const newSubmission =
    !!ledger &&
    ledger.status === "TWILIO_REJECTED" &&
    !editWindowOpen(tollfreeLedgerDetails(ledger.details), new Date());
  const approved = await db.$transaction(async (tx) => {
    const updated = await tx.tollfreeVerification.updateMany({
      where: { id: verificationId, status: "SUBMITTED", version: expectedVersion },
      data: {
        status: "APPROVED",
        approvedAt: new Date(),
        approvedById: staffUserId,
        approvedVersion: expectedVersion,
        ...(newSubmission ? { submission: { increment: 1 } } : {}),
      },
    });
    if (updated.count !== 1) return false;
    await requestPhase(tx, verification.applicationId, "tollfree", { clearsFailure: false });
    await audit(tx, {
      actorUserId: staffUserId,
      action: "tollfree.approved",
      targetType: "TollfreeVerification",
      targetId: verificationId,
      organizationId: verification.application.organizationId,
      metadata: { version: expectedVersion, number: verification.phoneNumberSid, newSubmission },
    });
    return true;
  });
  if (!approved)
    return {
      ok: false,
      message: "This verification changed or is not waiting for review: reload to see it as it is now.",
    };
  await enqueueProvisioning(verification.applicationId);
  if (newSubmission)
    await emailCustomerUsers(verification.application.organizationId, {
      kind: "tollfree_news",
      subject: "Your toll-free verification goes to Twilio as a new request",
      lines: (name) => [
        `Toll-free verification for ${name}, ${verification.phoneNumber}.`,
        "",
        "Twilio no longer takes a fix of the rejected verification (its seven days have passed, or its reasons",
        "allow none), so your corrected answers go to Twilio as a new verification. Twilio reviews it in its",
        "standard queue, which takes longer than a fix within the seven days (Twilio error 30437).",
      ],
      path: `/toll-free?number=${encodeURIComponent(verification.phoneNumberSid)}`,
    });
  return { ok: true, newSubmission };
}

/** Staff send the verification back with comments on specific fields; the customer is emailed. */
export async function requestTollfreeChanges(
  verificationId: string,
  comments: { field: TollfreeFieldKey; message: string }[],
  staffUserId: string,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const changed = await db.$transaction(async (tx) => {
    const updated = await tx.tollfreeVerification.updateMany({
      where: { id: verificationId, status: "SUBMITTED" },
      data: { status: "CHANGES_REQUESTED", version: { increment: 1 } },
    });
    if (updated.count !== 1) return null;
    const verification = await tx.tollfreeVerification.findUniqueOrThrow({
      where: { id: verificationId },
      include: { application: { select: { organizationId: true } } },
    });
    const prefix = tollfreePathPrefix(verificationId);
    await tx.reviewComment.updateMany({
      where: {
        applicationId: verification.applicationId,
        field: { startsWith: prefix },
        resolvedAt: null,
        source: "staff",
      },
      data: { resolvedAt: new Date() },
    });
    for (const comment of comments)
      await tx.reviewComment.create({
        data: {
          applicationId: verification.applicationId,
          field: `${prefix}${comment.field}`,
          message: comment.message,
          authorId: staffUserId,
        },
      });
    await audit(tx, {
      actorUserId: staffUserId,
      action: "tollfree.changes_requested",
      targetType: "TollfreeVerification",
      targetId: verificationId,
      organizationId: verification.application.organizationId,
      metadata: { fields: comments.map((comment) => comment.field) },
    });
    return verification;
  });
  if (!changed) return { ok: false, message: "This verification is not waiting for review." };
  await emailCustomerUsers(changed.application.organizationId, {
    kind: "tollfree_news",
    subject: "Please update your toll-free verification",
    lines: (name) => [
      `Toll-free verification for ${name}, ${changed.phoneNumber}.`,
      "",
      "Our team asked for a few changes before it goes to Twilio; each is shown next to its answer:",
    ],
    path: `/toll-free?number=${encodeURIComponent(changed.phoneNumberSid)}`,
  });
  return { ok: true };
}
