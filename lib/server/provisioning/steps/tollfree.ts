import "server-only";

import type { Prisma } from "@prisma/client";

import { tollfreeDraftAsInput } from "@/lib/tollfree/draft-values";
import {
  editWindowOpen,
  tollfreeLedgerDetails,
  tollfreeLedgerStep,
  type TollfreeLedgerDetails,
} from "@/lib/tollfree/ledger-details";
import { tollfreeBusinessOptions, tollfreeCreateOptions, tollfreeReference } from "@/lib/tollfree/payload";
import { tollfreeSchema, type Tollfree } from "@/lib/tollfree/schema";

import { audit } from "../../audit/audit";
import { db } from "../../db";
import { recordTollfreeState } from "../../tollfree/record-tollfree";
import { readStoredTollfreeDraft } from "../../tollfree/stored-tollfree-draft";
import {
  createTollfreeVerification,
  deleteTollfreeVerification,
  fetchTollfreeVerification,
  findTollfreeVerificationByReference,
  updateTollfreeVerification,
  type TollfreeState,
} from "../../twilio/tollfree";
import { adoptOrCreate } from "../adopt-or-create";
import { TwilioStepError } from "../errors";
import type { GraphNode } from "../graph";
import { knownSid } from "../ledger";
import { withRetry } from "../retry";
import type { RunContext } from "../step-context";
import { eventStreamStep } from "./event-stream";

/** A verification staff approved, with the answers of the version they approved. */
export type ApprovedTollfree = {
  id: string;
  phoneNumberSid: string;
  approvedVersion: number;
  submission: number;
  answers: Tollfree;
};

/** The application's approved verifications whose approved version or submission is not at Twilio yet. */
export async function approvedTollfreeVerifications(applicationId: string): Promise<ApprovedTollfree[]> {
  const approved = await db.tollfreeVerification.findMany({
    where: { applicationId, status: "APPROVED", approvedVersion: { not: null } },
    orderBy: { approvedAt: "asc" },
  });
  const ledger = await db.twilioResource.findMany({
    where: { applicationId, step: { in: approved.map((v) => tollfreeLedgerStep(v.id)) } },
  });
  const sent = new Map(ledger.map((row) => [row.step, tollfreeLedgerDetails(row.details)]));
  return approved
    .filter((v) => {
      const known = sent.get(tollfreeLedgerStep(v.id));
      return !known || known.sentVersion !== v.approvedVersion || known.submission !== v.submission;
    })
    .flatMap((v) => {
      const parsed = tollfreeSchema.safeParse(tollfreeDraftAsInput(readStoredTollfreeDraft(v.draft, v.id)));
      // Checked when staff approved it; a draft that no longer parses is not sent.
      if (!parsed.success) return [];
      return [
        {
          id: v.id,
          phoneNumberSid: v.phoneNumberSid,
          approvedVersion: v.approvedVersion!,
          submission: v.submission,
          answers: parsed.data,
        },
      ];
    });
}

/**
 * The toll-free phase: the account's Event Streams sink first (its "Verification Edited" events come
 * there; a customer who sends only from toll-free numbers may have no registration that set it up),
 * then each approved verification.
 */
export function tollfreeGraph(ctx: RunContext, approved: ApprovedTollfree[]): GraphNode[] {
  return [
    { id: "event-stream", deps: [], run: eventStreamStep(ctx) },
    ...approved.map((verification) => ({
      id: tollfreeLedgerStep(verification.id),
      deps: ["event-stream"],
      run: tollfreeStep(ctx, verification),
    })),
  ];
}

/**
 * One toll-free verification at Twilio, sent exactly once per submission (decision 0016):
 * - nothing recorded for this submission → created through adoptOrCreate with the reference
 *   `<id>-<submission>`: an intent first; after a lost answer, Twilio's list filtered by that
 *   reference finds it and it is adopted, so no number ever gets a second verification from one
 *   submission;
 * - recorded and rejected, its edit window open → the same verification is edited (Twilio's "Edit
 *   a TFV Request", 202) with the version staff approved;
 * - recorded and rejected, the window closed (or edits not allowed) → a new submission: the old
 *   verification is deleted (the guide's "Delete a failed TFV request"), the submission counted up
 *   and a new one created, with a new reference;
 * - recorded and under review already at this version (an edit whose answer was lost) → adopted.
 */
export function tollfreeStep(ctx: RunContext, verification: ApprovedTollfree): () => Promise<void> {
  const step = tollfreeLedgerStep(verification.id);
  return async () => {
    try {
      let recorded = await db.twilioResource.findUnique({
        where: { applicationId_step: { applicationId: ctx.applicationId, step } },
      });
      let known = tollfreeLedgerDetails(recorded?.details);
      if (recorded && known.submission !== verification.submission) {
        await setAside(ctx, verification, recorded.sid, "submission");
        recorded = null;
      }
      if (!recorded) return await create(ctx, verification);

      const current = await withRetry(() => fetchTollfreeVerification(ctx.account, recorded!.sid), ctx.retry);
      if (current.status !== "TWILIO_REJECTED") {
        // Out of its rejection already: our edit landed (its answer lost, or the run died after it)
        // or it was fixed at Twilio: nothing more to send for this version.
        await record(ctx, verification, current, { ...known, sentVersion: verification.approvedVersion });
        return;
      }
      if (!editWindowOpen(current, new Date())) {
        // The window closed after staff approved: this becomes a new submission now.
        const bumped = await db.tollfreeVerification.updateMany({
          where: { id: verification.id, submission: verification.submission },
          data: { submission: { increment: 1 } },
        });
        if (bumped.count !== 1) return; // another run moved it on: it sends the new one.
        await setAside(ctx, verification, recorded.sid, "window-closed");
        return await create(ctx, { ...verification, submission: verification.submission + 1 });
      }
      await ctx.fence();
      const sid = recorded.sid;
      const edited = await withRetry(
        () =>
          updateTollfreeVerification(ctx.account, sid, {
            ...tollfreeBusinessOptions(verification.answers),
            editReason: `Corrected answers (version ${verification.approvedVersion})`,
          }),
        ctx.retry,
        // An edit whose answer was lost may have landed: Twilio then shows it out of its rejection,
        // and sending it again would be refused. It is adopted instead.
        async () => {
          const now = await fetchTollfreeVerification(ctx.account, sid);
          return now.status === "TWILIO_REJECTED" ? null : now;
        },
      );
      known = { ...known, sentVersion: verification.approvedVersion };
      await record(ctx, verification, edited, known);
      await audit(db, {
        action: "tollfree.resubmitted",
        targetType: "TollfreeVerification",
        targetId: verification.id,
        organizationId: await organizationOf(ctx.applicationId),
        metadata: { sid: edited.sid, version: verification.approvedVersion },
      });
    } catch (error) {
      throw TwilioStepError.from(step, error);
    }
  };
}

async function create(ctx: RunContext, verification: ApprovedTollfree): Promise<void> {
  const step = tollfreeLedgerStep(verification.id);
  const externalReferenceId = tollfreeReference(verification.id, verification.submission);
  const customerProfileSid = await knownSid(ctx.applicationId, "customer-profile");
  const found = (state: TollfreeState) => ({
    sid: state.sid,
    status: state.status,
    details: {
      sentVersion: verification.approvedVersion,
      submission: verification.submission,
      rejections: state.rejections,
      editAllowed: state.editAllowed,
      editExpiration: state.editExpiration,
    } satisfies TollfreeLedgerDetails,
  });
  await adoptOrCreate(ctx, step, {
    find: async () => {
      const existing = await findTollfreeVerificationByReference(ctx.account, externalReferenceId);
      return existing ? found(existing) : null;
    },
    create: async () =>
      found(
        await createTollfreeVerification(
          ctx.account,
          tollfreeCreateOptions(verification.answers, {
            phoneNumberSid: verification.phoneNumberSid,
            externalReferenceId,
            customerProfileSid,
          }),
        ),
      ),
  });
}

/** Twilio's answer written to the ledger with what was sent, then read for news (recordTollfreeState). */
async function record(
  ctx: RunContext,
  verification: ApprovedTollfree,
  state: TollfreeState,
  known: TollfreeLedgerDetails,
): Promise<void> {
  const step = tollfreeLedgerStep(verification.id);
  const row = await db.twilioResource.findUniqueOrThrow({
    where: { applicationId_step: { applicationId: ctx.applicationId, step } },
  });
  await db.twilioResource.update({
    where: { id: row.id },
    data: {
      details: { ...tollfreeLedgerDetails(row.details), sentVersion: known.sentVersion } as Prisma.InputJsonValue,
    },
  });
  await recordTollfreeState(verification.id, state, "provisioning");
}

/**
 * The last submission's verification is let go before a new one: deleted at Twilio (already gone
 * is fine), its ledger row removed, and why kept in the audit log.
 */
async function setAside(ctx: RunContext, verification: ApprovedTollfree, sid: string, why: string): Promise<void> {
  await ctx.fence();
  try {
    await withRetry(() => deleteTollfreeVerification(ctx.account, sid), ctx.retry);
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw error;
  }
  const step = tollfreeLedgerStep(verification.id);
  const organizationId = await organizationOf(ctx.applicationId);
  await db.$transaction(async (tx) => {
    await tx.twilioResource.deleteMany({ where: { applicationId: ctx.applicationId, step } });
    await audit(tx, {
      action: "tollfree.new_submission",
      targetType: "TollfreeVerification",
      targetId: verification.id,
      organizationId,
      metadata: { previousSid: sid, why, submission: verification.submission },
    });
  });
}

/** Audit entries name the organization, so they show on the customer's timeline. */
async function organizationOf(applicationId: string): Promise<string> {
  const application = await db.onboardingApplication.findUniqueOrThrow({
    where: { id: applicationId },
    select: { organizationId: true },
  });
  return application.organizationId;
}
