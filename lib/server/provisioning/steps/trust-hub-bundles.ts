import "server-only";
import { bundlePolicies, friendlyName } from "@/lib/trusthub/payloads";
import { evaluationProblems, type EvaluationResult } from "@/lib/trusthub/evaluation-fields";
import { adoptOrCreate, everyPage } from "../adopt-or-create";
import { NeedsCustomerError, TwilioStepError } from "../errors";
import { brandResubmissionRequested } from "./brand-resubmission";
import { knownStatus, recordSid } from "../ledger";
import { withRetry } from "../retry";
import { sidOf, type StepContext } from "../step-context";

export type BundleKind = "customer-profile" | "trust-product";
type Evaluation = { sid: string; status: string; results: unknown[] };

type BundleApi = {
  policySid: string;
  list: (friendlyName: string) => Promise<{ sid: string }[]>;
  create: (params: {
    friendlyName: string;
    email: string;
    policySid: string;
    statusCallback?: string;
  }) => Promise<{ sid: string }>;
  fetch: (sid: string) => Promise<{ status: string; errors?: unknown }>;
  submit: (sid: string) => Promise<{ status: string }>;
  listAssignments: (sid: string) => Promise<{ sid: string; objectSid: string }[]>;
  assign: (sid: string, objectSid: string) => Promise<{ sid: string }>;
  evaluate: (sid: string) => Promise<Evaluation>;
};

/** CustomerProfiles and TrustProducts (Trust Hub bundles) differ only in names: one shape for both. */
export function bundleApi(ctx: StepContext, kind: BundleKind): BundleApi {
  const trusthub = ctx.client.trusthub.v1;
  const policies = bundlePolicies(ctx.application);
  if (kind === "customer-profile") {
    return {
      policySid: policies.customerProfile,
      // Twilio filters bundles by friendly name: the look-up reads only the matches.
      list: (friendlyName) => trusthub.customerProfiles.list({ friendlyName, pageSize: 50 }),
      create: (params) => trusthub.customerProfiles.create(params),
      fetch: (sid) => trusthub.customerProfiles(sid).fetch(),
      submit: (sid) => trusthub.customerProfiles(sid).update({ status: "pending-review" }),
      listAssignments: (sid) => trusthub.customerProfiles(sid).customerProfilesEntityAssignments.list(everyPage()),
      assign: (sid, objectSid) =>
        trusthub.customerProfiles(sid).customerProfilesEntityAssignments.create({ objectSid }),
      evaluate: (sid) =>
        trusthub
          .customerProfiles(sid)
          .customerProfilesEvaluations.create({ policySid: policies.customerProfile }) as Promise<Evaluation>,
    };
  }
  return {
    policySid: policies.trustProduct,
    list: (friendlyName) => trusthub.trustProducts.list({ friendlyName, pageSize: 50 }),
    create: (params) => trusthub.trustProducts.create(params),
    fetch: (sid) => trusthub.trustProducts(sid).fetch(),
    submit: (sid) => trusthub.trustProducts(sid).update({ status: "pending-review" }),
    listAssignments: (sid) => trusthub.trustProducts(sid).trustProductsEntityAssignments.list(everyPage()),
    assign: (sid, objectSid) => trusthub.trustProducts(sid).trustProductsEntityAssignments.create({ objectSid }),
    evaluate: (sid) =>
      trusthub
        .trustProducts(sid)
        .trustProductsEvaluations.create({ policySid: policies.trustProduct }) as Promise<Evaluation>,
  };
}

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
  const live = await withRetry(() => bundleApi(ctx, bundle).fetch(sid), ctx.retry);
  if (live.status !== status) await recordSid(ctx.applicationId, bundle, sid, ctx.accountSid, { status: live.status });
  return live.status === "twilio-approved";
}

export function bundleStep(ctx: StepContext, kind: BundleKind): () => Promise<string> {
  const api = bundleApi(ctx, kind);
  const name = friendlyName(ctx.application, ctx.applicationId, kind);
  return () =>
    adoptOrCreate(ctx, kind, {
      find: async () => (await api.list(name))[0]?.sid ?? null,
      create: async () =>
        (
          await api.create({
            friendlyName: name,
            email: ctx.notificationEmail,
            policySid: api.policySid,
            ...(ctx.statusCallbackUrl ? { statusCallback: ctx.statusCallbackUrl } : {}),
          })
        ).sid,
    });
}

/** Assigns an item (an earlier step's SID, or a fixed SID such as the ISV's primary profile) to a bundle. */
export function assignStep(
  ctx: StepContext,
  bundle: BundleKind,
  objectStep: string | null,
  fixedObjectSid?: string,
): () => Promise<string> {
  const api = bundleApi(ctx, bundle);
  const step = `assign:${bundle}:${objectStep ?? "primary-customer-profile"}`;
  return async () => {
    const bundleSid = await sidOf(ctx, bundle);
    const objectSid = fixedObjectSid ?? (await sidOf(ctx, objectStep!));
    return adoptOrCreate(ctx, step, {
      find: async () =>
        (await api.listAssignments(bundleSid)).find((assignment) => assignment.objectSid === objectSid)?.sid ?? null,
      create: async () => (await api.assign(bundleSid, objectSid)).sid,
    });
  };
}

/** A noncompliant evaluation stops the pipeline and sends the application back to the customer. */
export function evaluateStep(ctx: StepContext, bundle: BundleKind): () => Promise<void> {
  const api = bundleApi(ctx, bundle);
  return async () => {
    const bundleSid = await sidOf(ctx, bundle);
    let evaluation: Evaluation;
    try {
      evaluation = await withRetry(() => api.evaluate(bundleSid), ctx.retry);
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
  const api = bundleApi(ctx, bundle);
  return async () => {
    const bundleSid = await sidOf(ctx, bundle);
    try {
      // A bundle this run created is a draft: submitted at once. One from an earlier run may have
      // been submitted already (an answer lost) or rejected since: its status is read first.
      let current = ctx.createdThisRun.has(bundle)
        ? { status: "draft" }
        : await withRetry(() => api.fetch(bundleSid), ctx.retry);
      if (current.status === "draft" || current.status === "twilio-rejected")
        current = await withRetry(() => api.submit(bundleSid), ctx.retry);
      await recordSid(ctx.applicationId, bundle, bundleSid, ctx.accountSid, { status: current.status });
    } catch (error) {
      throw TwilioStepError.from(`submit:${bundle}`, error);
    }
  };
}
