import "server-only";

import { evaluationProblems, type EvaluationResult } from "@/lib/trusthub/evaluation-fields";
import { bundlePolicies, friendlyName, type ProvisioningStep } from "@/lib/trusthub/payloads";

import { brandResubmissionRequested } from "../../brands/brand-resubmissions";
import {
  assignToBundle,
  createBundle,
  evaluateBundle,
  fetchBundle,
  listBundleAssignments,
  listBundlesNamed,
  submitBundle,
  type BundleKind,
  type Evaluation,
} from "../../twilio/trust-hub";
import { adoptOrCreate } from "../adopt-or-create";
import { NeedsCustomerError, TwilioStepError } from "../errors";
import { knownStatus, recordSid, type LedgerStep } from "../ledger";
import { withRetry } from "../retry";
import { sidOf, type StepContext } from "../step-context";

/**
 * Whether Twilio still takes changes to a bundle's items: a bundle in draft, or rejected and being
 * fixed. Under review, its EndUsers and documents are left as they are (the sandbox, like Twilio,
 * refuses changes under review). An approved bundle's items are updated only to fix a FAILED brand
 * before resubmitting it (Twilio: "fix the bundles first", live-twilio.md §5); if Twilio refuses,
 * its answer stops the job with Twilio's words for staff.
 */
export async function bundleEditable(ctx: StepContext, bundle: BundleKind): Promise<boolean> {
  const status = await knownStatus(ctx.applicationId, bundle);
  if (status === null || status === "draft" || status === "twilio-rejected") return true;
  if (status !== "twilio-approved" || !(await brandResubmissionRequested(ctx.applicationId))) return false;
  // Not every status change is called back (in-review is not): ask Trust Hub before changing items.
  const sid = await sidOf(ctx, bundle);
  const live = await withRetry(() => fetchBundle(ctx.account, bundle, sid), ctx.retry);
  if (live.status !== status) await recordSid(ctx.applicationId, bundle, sid, ctx.accountSid, { status: live.status });
  return live.status === "twilio-approved";
}

/** The policy a bundle of this kind is made and evaluated under, for this application's kind (seeds 000, 003). */
const policyOf = (ctx: StepContext, kind: BundleKind) => {
  const policies = bundlePolicies(ctx.application);
  return kind === "customer-profile" ? policies.customerProfile : policies.trustProduct;
};

export function bundleStep(ctx: StepContext, kind: BundleKind): () => Promise<string> {
  const name = friendlyName(ctx.application, ctx.applicationId, kind);
  return () =>
    adoptOrCreate(ctx, kind, {
      // Twilio filters bundles by friendly name: the look-up reads only the matches.
      find: async () => (await listBundlesNamed(ctx.account, kind, name))[0]?.sid ?? null,
      create: async () =>
        (
          await createBundle(ctx.account, kind, {
            friendlyName: name,
            email: ctx.notificationEmail,
            policySid: policyOf(ctx, kind),
            ...(ctx.statusCallbackUrl ? { statusCallback: ctx.statusCallbackUrl } : {}),
          })
        ).sid,
    });
}

/** Assigns an item (an earlier step's SID, or a fixed SID such as the ISV's primary profile) to a bundle. */
export function assignStep(
  ctx: StepContext,
  bundle: BundleKind,
  objectStep: ProvisioningStep | null,
  fixedObjectSid?: string,
): () => Promise<string> {
  const step: LedgerStep = `assign:${bundle}:${objectStep ?? "primary-customer-profile"}`;
  return async () => {
    const bundleSid = await sidOf(ctx, bundle);
    const objectSid = fixedObjectSid ?? (await sidOf(ctx, objectStep!));
    return adoptOrCreate(ctx, step, {
      find: async () =>
        (await listBundleAssignments(ctx.account, bundle, bundleSid)).find(
          (assignment) => assignment.objectSid === objectSid,
        )?.sid ?? null,
      create: async () => (await assignToBundle(ctx.account, bundle, bundleSid, objectSid)).sid,
    });
  };
}

/** A noncompliant evaluation stops the pipeline and sends the application back to the customer. */
export function evaluateStep(ctx: StepContext, bundle: BundleKind): () => Promise<void> {
  return async () => {
    const bundleSid = await sidOf(ctx, bundle);
    let evaluation: Evaluation;
    try {
      evaluation = await withRetry(
        () => evaluateBundle(ctx.account, bundle, bundleSid, policyOf(ctx, bundle)),
        ctx.retry,
      );
    } catch (error) {
      throw TwilioStepError.from(`evaluate:${bundle}`, error);
    }
    await recordSid(ctx.applicationId, `evaluate:${bundle}`, evaluation.sid, ctx.accountSid, {
      status: evaluation.status,
      details: { results: evaluation.results } as never,
    });
    if (evaluation.status !== "compliant") {
      const problems = evaluationProblems(evaluation.results as EvaluationResult[]);
      throw new NeedsCustomerError(bundle, problems.fields, problems.other);
    }
  };
}

/** Submitting is safe to repeat: only a draft or a rejected (and since fixed) bundle is (re)submitted. */
export function submitStep(ctx: StepContext, bundle: BundleKind): () => Promise<void> {
  return async () => {
    const bundleSid = await sidOf(ctx, bundle);
    try {
      // A bundle this run created is a draft: submitted at once. One from an earlier run may have
      // been submitted already (an answer lost) or rejected since: its status is read first.
      let current = ctx.createdThisRun.has(bundle)
        ? { status: "draft" }
        : await withRetry(() => fetchBundle(ctx.account, bundle, bundleSid), ctx.retry);
      if (current.status === "draft" || current.status === "twilio-rejected")
        current = await withRetry(() => submitBundle(ctx.account, bundle, bundleSid), ctx.retry);
      await recordSid(ctx.applicationId, bundle, bundleSid, ctx.accountSid, { status: current.status });
    } catch (error) {
      throw TwilioStepError.from(`submit:${bundle}`, error);
    }
  };
}
