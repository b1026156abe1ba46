import "server-only";

import { evaluationProblems, type EvaluationResult } from "@/lib/trusthub/evaluation-fields";
import { friendlyName, POLICY } from "@/lib/trusthub/payloads";

import { db } from "../../db";
import {
  assignNumberToBundle,
  assignToBundle,
  createBundle,
  evaluateBundle,
  fetchBundle,
  listBundleAssignments,
  listBundlesNamed,
  numberAssignedToBundle,
  submitBundle,
} from "../../twilio/trust-hub";
import { adoptOrCreate } from "../adopt-or-create";
import { TwilioStepError } from "../errors";
import { knownStatus, recordSid } from "../ledger";
import { withRetry } from "../retry";
import { sidOf, type StepContext } from "../step-context";

export const SHAKEN_STIR_STEP = "shaken-stir";

/**
 * SHAKEN/STIR for the customer's calls (seed 002, "Create Trust Product, add phone numbers, and
 * submit for vetting"): the chosen numbers are assigned to the Secondary Customer Profile as
 * channel endpoints (seed 002 step 9), then one SHAKEN/STIR TrustProduct (policy
 * RN7a97559effdf62d00f4298208492a5ea) is created with the profile and the numbers assigned,
 * evaluated and submitted. Exactly once: the trust product through adoptOrCreate (intent first;
 * after a lost answer, found by its friendly name), every assignment looked up before it is made.
 * Numbers chosen later are assigned to the same trust product.
 */
export function shakenStirStep(ctx: StepContext): () => Promise<void> {
  const name = friendlyName(ctx.application, ctx.applicationId, "shaken-stir");
  return async () => {
    const numbers = await db.shakenStirNumber.findMany({
      where: { applicationId: ctx.applicationId },
      orderBy: { createdAt: "asc" },
    });
    const profileSid = await sidOf(ctx, "customer-profile");
    for (const number of numbers) {
      const assigned = await withRetry(
        () => numberAssignedToBundle(ctx.account, "customer-profile", profileSid, number.phoneNumberSid),
        ctx.retry,
      );
      if (!assigned)
        await withRetry(
          () => assignNumberToBundle(ctx.account, "customer-profile", profileSid, number.phoneNumberSid),
          ctx.retry,
        );
    }

    const productSid = await adoptOrCreate(ctx, SHAKEN_STIR_STEP, {
      find: async () => (await listBundlesNamed(ctx.account, "trust-product", name))[0]?.sid ?? null,
      create: async () => {
        const created = await createBundle(ctx.account, "trust-product", {
          friendlyName: name,
          email: ctx.notificationEmail,
          policySid: POLICY.shakenStir,
          ...(ctx.statusCallbackUrl ? { statusCallback: ctx.statusCallbackUrl } : {}),
        });
        return { sid: created.sid, status: created.status };
      },
    });
    // The profile first (seed 002 step 2), then the numbers (step 3).
    const entities = await withRetry(() => listBundleAssignments(ctx.account, "trust-product", productSid), ctx.retry);
    if (!entities.some((assignment) => assignment.objectSid === profileSid))
      await withRetry(() => assignToBundle(ctx.account, "trust-product", productSid, profileSid), ctx.retry);
    for (const number of numbers) {
      const assigned = await withRetry(
        () => numberAssignedToBundle(ctx.account, "trust-product", productSid, number.phoneNumberSid),
        ctx.retry,
      );
      if (!assigned)
        await withRetry(
          () => assignNumberToBundle(ctx.account, "trust-product", productSid, number.phoneNumberSid),
          ctx.retry,
        );
      if (!number.assignedAt)
        await db.shakenStirNumber.update({ where: { id: number.id }, data: { assignedAt: new Date() } });
    }

    // Evaluated and submitted while it is a draft (or rejected and fixed); later numbers only need assigning.
    // Asked live: a crash after the submission may have left "draft" recorded.
    const recorded = await knownStatus(ctx.applicationId, SHAKEN_STIR_STEP);
    const fetchProduct = () => fetchBundle(ctx.account, "trust-product", productSid);
    const live = (await withRetry(fetchProduct, ctx.retry)).status;
    if (live !== recorded)
      await recordSid(ctx.applicationId, SHAKEN_STIR_STEP, productSid, ctx.accountSid, { status: live });
    if (live !== "draft" && live !== "twilio-rejected") return;
    const evaluation = await withRetry(
      () => evaluateBundle(ctx.account, "trust-product", productSid, POLICY.shakenStir),
      ctx.retry,
    );
    await recordSid(ctx.applicationId, `evaluate:${SHAKEN_STIR_STEP}`, evaluation.sid, ctx.accountSid, {
      status: evaluation.status,
      details: { results: evaluation.results } as never,
    });
    if (evaluation.status !== "compliant") {
      const problems = evaluationProblems(evaluation.results as EvaluationResult[]);
      throw new TwilioStepError(
        SHAKEN_STIR_STEP,
        null,
        `Twilio's evaluation of the SHAKEN/STIR Trust Product is noncompliant: ${[...problems.fields, ...problems.other]
          .map((problem) => problem.message)
          .join(" ")}`.slice(0, 1000),
        400,
      );
    }
    // A lost answer: the retry looks first, and a bundle already past draft counts as submitted.
    const submitted = await withRetry(
      () => submitBundle(ctx.account, "trust-product", productSid),
      ctx.retry,
      async () => {
        const now = await fetchProduct();
        return now.status === "draft" || now.status === "twilio-rejected" ? null : now;
      },
    );
    await recordSid(ctx.applicationId, SHAKEN_STIR_STEP, productSid, ctx.accountSid, { status: submitted.status });
  };
}
