import "server-only";

import type { Prisma } from "@prisma/client";

import { db } from "../db";
import { LeaseLostError, TwilioStepError } from "./errors";
import { knownSid, recordSid, type LedgerStep } from "./ledger";
import { withRetry } from "./retry";
import type { RunContext } from "./step-context";

/** A resource as Twilio returned it: its SID, and for resources with a lifecycle (brands) its first status. */
export type Found = string | { sid: string; status: string | null; details?: object };

/**
 * The one rule by which the pipeline makes a Twilio resource exist exactly once for (application,
 * step) — decision 0007, and 0011 for the intents:
 * - SID recorded → the resource is updated with today's data (when `update` is given and `editable`
 *   says Twilio still takes changes), never created again;
 * - no SID, no intent → nothing was ever sent: an intent is recorded, then the create is sent, with
 *   no look-up (look-ups page through every resource of the account, which grows with customers);
 * - no SID but an intent → an earlier create may have reached Twilio and its answer been lost (a
 *   crash, a timeout): `find` looks for it (list filters where Twilio has them, every page
 *   otherwise) and adopts it, else the create is sent;
 * - an ambiguous failure of the create itself (timeout, reset) → `find` runs before each retry.
 * The SID is recorded the moment Twilio returns it, and the intent removed with it.
 */
export async function adoptOrCreate(
  ctx: Pick<RunContext, "applicationId" | "accountSid" | "retry" | "fence" | "createdThisRun">,
  step: LedgerStep,
  operations: {
    find: () => Promise<Found | null>;
    create: () => Promise<Found>;
    update?: (sid: string) => Promise<unknown>;
    editable?: () => Promise<boolean>;
  },
): Promise<string> {
  try {
    const known = await knownSid(ctx.applicationId, step);
    if (known) {
      if (operations.update && (!operations.editable || (await operations.editable())))
        await withRetry(() => operations.update!(known), ctx.retry);
      return known;
    }
    const key = { applicationId_step: { applicationId: ctx.applicationId, step } };
    const intent = await db.twilioCreateIntent.findUnique({ where: key });
    const adopted = intent ? await withRetry(operations.find, ctx.retry) : null;
    if (!intent) await db.twilioCreateIntent.create({ data: { applicationId: ctx.applicationId, step } });
    // Fencing: a worker that lost the job never sends a create (a brand is a fee).
    const create = async () => {
      await ctx.fence();
      return operations.create();
    };
    const found = adopted ?? (await withRetry(create, ctx.retry, operations.find));
    // Created now, or adopted from this run's own create whose answer was lost: new either way.
    if (!intent) ctx.createdThisRun.add(step);
    const sid = typeof found === "string" ? found : found.sid;
    await recordSid(
      ctx.applicationId,
      step,
      sid,
      ctx.accountSid,
      typeof found === "string"
        ? {}
        : { status: found.status, ...(found.details ? { details: found.details as Prisma.InputJsonValue } : {}) },
    );
    await db.twilioCreateIntent.deleteMany({ where: { applicationId: ctx.applicationId, step } });
    return sid;
  } catch (error) {
    if (error instanceof LeaseLostError) throw error;
    throw TwilioStepError.from(step, error);
  }
}
