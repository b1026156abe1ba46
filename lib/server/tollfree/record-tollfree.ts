import "server-only";

import type { Prisma } from "@prisma/client";

import { tollfreePathPrefix } from "@/lib/tollfree/fields";
import { editWindowOpen, tollfreeLedgerDetails, tollfreeLedgerStep } from "@/lib/tollfree/ledger-details";
import { fieldsOfRejection, rejectionText } from "@/lib/tollfree/rejection";

import { audit } from "../audit/audit";
import { db } from "../db";
import { emailCustomerUsers } from "../notifications/email-customer-users";
import { sameJson } from "../twilio-inbound/record-status";
import type { TollfreeState } from "../twilio/tollfree";

export type TollfreeNewsSource = "provisioning" | "event" | "sync" | "page";

/**
 * The one writer of what Twilio says about a toll-free verification (its ledger row, step
 * "tollfree:<id>"): the job after a create or an edit, the Event Streams handler, the sync and a
 * page's refresh all bring news here. A compare-and-set on the row as read, so two readers with the
 * same news (on any instance) apply it once, and only that one audits it and tells the customer.
 * News about an earlier submission (another SID) changes nothing. True when written.
 */
export async function recordTollfreeState(
  verificationId: string,
  state: TollfreeState,
  source: TollfreeNewsSource,
): Promise<boolean> {
  const step = tollfreeLedgerStep(verificationId);
  let before: string | null = null;
  for (;;) {
    const verification = await db.tollfreeVerification.findUnique({
      where: { id: verificationId },
      select: { applicationId: true },
    });
    if (!verification) return false;
    const row = await db.twilioResource.findUnique({
      where: { applicationId_step: { applicationId: verification.applicationId, step } },
    });
    if (!row || row.sid !== state.sid) return false;
    const details = {
      ...tollfreeLedgerDetails(row.details),
      rejections: state.status === "TWILIO_REJECTED" ? state.rejections : [],
      editAllowed: state.editAllowed,
      editExpiration: state.editExpiration,
    };
    if (row.status === state.status && sameJson(details, row.details)) return false;
    const written = await db.twilioResource.updateMany({
      where: { id: row.id, updatedAt: row.updatedAt },
      data: {
        status: state.status,
        ...(row.status !== state.status ? { statusUpdatedAt: new Date() } : {}),
        details: details as Prisma.InputJsonValue,
      },
    });
    if (written.count === 1) {
      before = row.status;
      break;
    }
  }
  if (before !== state.status) await tellOfNewStatus(verificationId, before, state, source);
  return true;
}

async function tellOfNewStatus(
  verificationId: string,
  from: string | null,
  state: TollfreeState,
  source: TollfreeNewsSource,
): Promise<void> {
  const verification = await db.tollfreeVerification.findUniqueOrThrow({
    where: { id: verificationId },
    include: { application: { select: { organizationId: true } } },
  });
  const organizationId = verification.application.organizationId;
  await audit(db, {
    action: "tollfree.status_changed",
    targetType: "TollfreeVerification",
    targetId: verificationId,
    organizationId,
    metadata: { sid: state.sid, from, to: state.status, source, codes: state.rejections.map((r) => r.code) },
  });
  const number = verification.phoneNumber;
  if (state.status === "TWILIO_APPROVED")
    await emailCustomerUsers(organizationId, {
      kind: "tollfree_news",
      subject: "Your toll-free number is verified",
      lines: (name) => [
        `Toll-free verification for ${name}, ${number}.`,
        "",
        "Twilio approved it: the number can send text messages in the US and Canada.",
      ],
      path: "/toll-free",
    });
  if (state.status === "TWILIO_REJECTED") await sendBackToCustomer(verification.id, organizationId, number, state);
}

/**
 * A rejection goes back to the customer: each of Twilio's reasons next to the field it is about
 * (comments from "twilio", replacing the last rejection's), the verification editable again, and an
 * email saying what to fix and by when (the edit window), or that a fix now waits longer.
 */
async function sendBackToCustomer(
  verificationId: string,
  organizationId: string,
  number: string,
  state: TollfreeState,
): Promise<void> {
  const prefix = tollfreePathPrefix(verificationId);
  const verification = await db.tollfreeVerification.findUniqueOrThrow({ where: { id: verificationId } });
  await db.$transaction(async (tx) => {
    await tx.tollfreeVerification.updateMany({
      where: { id: verificationId, status: "APPROVED" },
      data: { status: "CHANGES_REQUESTED", version: { increment: 1 } },
    });
    await tx.reviewComment.updateMany({
      where: {
        applicationId: verification.applicationId,
        field: { startsWith: prefix },
        resolvedAt: null,
        source: "twilio",
      },
      data: { resolvedAt: new Date() },
    });
    for (const rejection of state.rejections) {
      const fields = fieldsOfRejection(rejection.code);
      for (const field of fields.length ? fields : ["general"])
        await tx.reviewComment.create({
          data: {
            applicationId: verification.applicationId,
            field: `${prefix}${field}`,
            message: rejectionText(rejection),
            source: "twilio",
          },
        });
    }
  });
  const open = editWindowOpen(state, new Date());
  await emailCustomerUsers(organizationId, {
    kind: "tollfree_news",
    subject: "Your toll-free number needs changes",
    lines: (name) => [
      `Toll-free verification for ${name}, ${number}.`,
      "",
      "Twilio did not approve it:",
      ...state.rejections.map((rejection) => `- ${rejectionText(rejection)}`),
      "",
      open && state.editExpiration
        ? `Fix these answers before ${new Date(state.editExpiration).toUTCString()} and Twilio reviews it again first in line.`
        : "Twilio no longer takes changes to this verification: your fixed answers go to Twilio as a new verification, which waits in Twilio's standard queue.",
    ],
    path: `/toll-free?number=${encodeURIComponent(verification.phoneNumberSid)}`,
  });
}
