import "server-only";
import type { Twilio } from "twilio";
import type { Application } from "@/lib/schemas/onboarding/application";
import {
  addressParams,
  brandRegistrationOptions,
  businessInformationAttributes,
  friendlyName,
  messagingProfileAttributes,
  POLICY,
  representativeAttributes,
  type ProvisioningStep,
} from "@/lib/trusthub/payloads";
import type { BrandRegistrationInstance } from "twilio/lib/rest/messaging/v1/brandRegistration";
import { normalizeBrandDetails } from "@/lib/trusthub/brand-details";
import { evaluationProblems, type EvaluationResult } from "@/lib/trusthub/evaluation-fields";
import { NeedsCustomerError, TwilioStepError } from "./errors";
import type { GraphNode } from "./graph";
import { waitForSlot } from "./rate-gate";
import { knownSid, recordSid } from "./resource-ledger";
import { withRetry, type RetryPolicy } from "./retry";

export type StepContext = {
  applicationId: string;
  application: Application;
  client: Twilio;
  accountSid: string;
  retry: RetryPolicy;
  brandSpacingMs: number;
  notificationEmail: string;
  primaryCustomerProfileSid: string;
  statusCallbackUrl: string | null;
};

/**
 * Makes sure one Twilio resource exists for (application, step): known → updated with today's data;
 * unknown → adopted if an earlier attempt created it (found by friendly name or content), else
 * created. Its SID is recorded the moment Twilio returns it.
 */
/** A resource as Twilio returned it: its SID, and for resources with a lifecycle (brands) its first status. */
type Found = string | { sid: string; status: string | null; details?: object };

async function ensure(
  ctx: StepContext,
  step: string,
  operations: {
    find: () => Promise<Found | null>;
    create: () => Promise<Found>;
    update?: (sid: string) => Promise<unknown>;
  },
): Promise<string> {
  try {
    const known = await knownSid(ctx.applicationId, step);
    if (known) {
      if (operations.update) await withRetry(() => operations.update!(known), ctx.retry);
      return known;
    }
    const adopted = await withRetry(operations.find, ctx.retry);
    const found = adopted ?? (await withRetry(operations.create, ctx.retry, operations.find));
    if (typeof found === "string") {
      await recordSid(ctx.applicationId, step, found, ctx.accountSid);
      return found;
    }
    await recordSid(ctx.applicationId, step, found.sid, ctx.accountSid, {
      status: found.status,
      ...(found.details ? { details: found.details as never } : {}),
    });
    return found.sid;
  } catch (error) {
    throw TwilioStepError.from(step, error);
  }
}

// A new object every time: the SDK's list() writes its callbacks onto the params it is given, so a
// shared object makes concurrent lists overwrite each other's completion (and never resolve).
const listAll = () => ({ pageSize: 1000, limit: 1000 });

function endUserStep(
  ctx: StepContext,
  step: ProvisioningStep,
  type: string,
  attributes: () => object,
): () => Promise<string> {
  const name = friendlyName(ctx.application, ctx.applicationId, step);
  return () =>
    ensure(ctx, step, {
      find: async () =>
        (await ctx.client.trusthub.v1.endUsers.list(listAll())).find((user) => user.friendlyName === name)?.sid ?? null,
      create: async () =>
        (await ctx.client.trusthub.v1.endUsers.create({ friendlyName: name, type, attributes: attributes() })).sid,
      update: (sid) => ctx.client.trusthub.v1.endUsers(sid).update({ attributes: attributes() }),
    });
}

type BundleApi = {
  policySid: string;
  list: (friendlyName: string) => Promise<{ sid: string }[]>;
  create: (params: {
    friendlyName: string;
    email: string;
    policySid: string;
    statusCallback?: string;
  }) => Promise<{ sid: string }>;
  fetch: (sid: string) => Promise<{ status: string }>;
  submit: (sid: string) => Promise<{ status: string }>;
  listAssignments: (sid: string) => Promise<{ sid: string; objectSid: string }[]>;
  assign: (sid: string, objectSid: string) => Promise<{ sid: string }>;
  evaluate: (sid: string) => Promise<{ sid: string; status: string; results: unknown[] }>;
};

/** CustomerProfiles and TrustProducts differ only in names: one shape for both. */
function bundleApi(ctx: StepContext, kind: "customer-profile" | "trust-product"): BundleApi {
  const trusthub = ctx.client.trusthub.v1;
  if (kind === "customer-profile") {
    return {
      policySid: POLICY.secondaryCustomerProfile,
      list: (friendlyName) => trusthub.customerProfiles.list({ friendlyName, limit: 20 }),
      create: (params) => trusthub.customerProfiles.create(params),
      fetch: (sid) => trusthub.customerProfiles(sid).fetch(),
      submit: (sid) => trusthub.customerProfiles(sid).update({ status: "pending-review" }),
      listAssignments: (sid) => trusthub.customerProfiles(sid).customerProfilesEntityAssignments.list(listAll()),
      assign: (sid, objectSid) =>
        trusthub.customerProfiles(sid).customerProfilesEntityAssignments.create({ objectSid }),
      evaluate: (sid) =>
        trusthub
          .customerProfiles(sid)
          .customerProfilesEvaluations.create({ policySid: POLICY.secondaryCustomerProfile }) as Promise<{
          sid: string;
          status: string;
          results: unknown[];
        }>,
    };
  }
  return {
    policySid: POLICY.a2pMessagingProfile,
    list: (friendlyName) => trusthub.trustProducts.list({ friendlyName, limit: 20 }),
    create: (params) => trusthub.trustProducts.create(params),
    fetch: (sid) => trusthub.trustProducts(sid).fetch(),
    submit: (sid) => trusthub.trustProducts(sid).update({ status: "pending-review" }),
    listAssignments: (sid) => trusthub.trustProducts(sid).trustProductsEntityAssignments.list(listAll()),
    assign: (sid, objectSid) => trusthub.trustProducts(sid).trustProductsEntityAssignments.create({ objectSid }),
    evaluate: (sid) =>
      trusthub
        .trustProducts(sid)
        .trustProductsEvaluations.create({ policySid: POLICY.a2pMessagingProfile }) as Promise<{
        sid: string;
        status: string;
        results: unknown[];
      }>,
  };
}

function bundleStep(ctx: StepContext, kind: "customer-profile" | "trust-product"): () => Promise<string> {
  const api = bundleApi(ctx, kind);
  const name = friendlyName(ctx.application, ctx.applicationId, kind);
  return () =>
    ensure(ctx, kind, {
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

async function sidOf(ctx: StepContext, step: string): Promise<string> {
  const sid = await knownSid(ctx.applicationId, step);
  if (!sid) throw new Error(`${step} has no SID yet`);
  return sid;
}

function assignStep(
  ctx: StepContext,
  bundle: "customer-profile" | "trust-product",
  objectStep: string | null,
  fixedObjectSid?: string,
): () => Promise<string> {
  const api = bundleApi(ctx, bundle);
  const step = `assign:${bundle}:${objectStep ?? "primary-customer-profile"}`;
  return async () => {
    const bundleSid = await sidOf(ctx, bundle);
    const objectSid = fixedObjectSid ?? (await sidOf(ctx, objectStep!));
    return ensure(ctx, step, {
      find: async () =>
        (await api.listAssignments(bundleSid)).find((assignment) => assignment.objectSid === objectSid)?.sid ?? null,
      create: async () => (await api.assign(bundleSid, objectSid)).sid,
    });
  };
}

function evaluateStep(ctx: StepContext, bundle: "customer-profile" | "trust-product"): () => Promise<void> {
  const api = bundleApi(ctx, bundle);
  return async () => {
    const bundleSid = await sidOf(ctx, bundle);
    let evaluation: { sid: string; status: string; results: unknown[] };
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

function submitStep(ctx: StepContext, bundle: "customer-profile" | "trust-product"): () => Promise<void> {
  const api = bundleApi(ctx, bundle);
  return async () => {
    const bundleSid = await sidOf(ctx, bundle);
    try {
      let current = await withRetry(() => api.fetch(bundleSid), ctx.retry);
      // Submitting is safe to repeat: only a draft or a rejected bundle is (re)submitted.
      if (current.status === "draft" || current.status === "twilio-rejected")
        current = await withRetry(() => api.submit(bundleSid), ctx.retry);
      await recordSid(ctx.applicationId, bundle, bundleSid, ctx.accountSid, { status: current.status });
    } catch (error) {
      throw TwilioStepError.from(`submit:${bundle}`, error);
    }
  };
}

function brandStep(ctx: StepContext): () => Promise<string> {
  const options = brandRegistrationOptions(ctx.application);
  return async () => {
    const customerProfileBundleSid = await sidOf(ctx, "customer-profile");
    const a2PProfileBundleSid = await sidOf(ctx, "trust-product");
    // A brand costs the ISV a fee: it is looked for by its bundles before every attempt.
    const found = (brand: BrandRegistrationInstance) => ({
      sid: brand.sid,
      status: brand.status,
      details: normalizeBrandDetails(brand as unknown as Record<string, unknown>),
    });
    return ensure(ctx, "brand", {
      find: async () => {
        const existing = (await ctx.client.messaging.v1.brandRegistrations.list(listAll())).find(
          (brand) =>
            brand.customerProfileBundleSid === customerProfileBundleSid &&
            brand.a2pProfileBundleSid === a2PProfileBundleSid,
        );
        return existing ? found(existing) : null;
      },
      create: async () => {
        await waitForSlot(ctx.accountSid, "brand", ctx.brandSpacingMs);
        return found(
          await ctx.client.messaging.v1.brandRegistrations.create({
            customerProfileBundleSid,
            a2PProfileBundleSid,
            ...options,
          }),
        );
      },
    });
  };
}

function messagingServiceStep(ctx: StepContext): () => Promise<string> {
  const name = friendlyName(ctx.application, ctx.applicationId, "messaging-service");
  return () =>
    ensure(ctx, "messaging-service", {
      find: async () =>
        (await ctx.client.messaging.v1.services.list(listAll())).find((service) => service.friendlyName === name)
          ?.sid ?? null,
      create: async () => (await ctx.client.messaging.v1.services.create({ friendlyName: name })).sid,
    });
}

/**
 * The seeds' calls as a dependency graph (seed 000 sections 1–4, seed 001): what can run at the
 * same time does.
 */
export function provisioningGraph(ctx: StepContext): GraphNode[] {
  const app = ctx.application;
  const node = (id: string, deps: string[], run: () => Promise<unknown>): GraphNode => ({
    id,
    deps,
    run: async () => void (await run()),
  });
  const secondRep = app.representatives.secondary;
  const nodes: GraphNode[] = [
    node("customer-profile", [], bundleStep(ctx, "customer-profile")),
    node(
      "business-information",
      [],
      endUserStep(ctx, "business-information", "customer_profile_business_information", () =>
        businessInformationAttributes(app),
      ),
    ),
    node(
      "representative-1",
      [],
      endUserStep(ctx, "representative-1", "authorized_representative_1", () =>
        representativeAttributes(app.representatives.primary),
      ),
    ),
    node("address", [], () =>
      ensure(ctx, "address", {
        find: async () =>
          (
            await ctx.client.addresses.list({
              friendlyName: addressParams(app, ctx.applicationId).friendlyName,
              limit: 20,
            })
          )[0]?.sid ?? null,
        create: async () => (await ctx.client.addresses.create(addressParams(app, ctx.applicationId))).sid,
        update: (sid) => {
          const { isoCountry: _country, ...changes } = addressParams(app, ctx.applicationId);
          void _country;
          return ctx.client.addresses(sid).update(changes);
        },
      }),
    ),
    node("address-document", ["address"], async () => {
      const addressSid = await sidOf(ctx, "address");
      const name = friendlyName(app, ctx.applicationId, "address-document");
      return ensure(ctx, "address-document", {
        find: async () =>
          (await ctx.client.trusthub.v1.supportingDocuments.list(listAll())).find(
            (document) => document.friendlyName === name,
          )?.sid ?? null,
        create: async () =>
          (
            await ctx.client.trusthub.v1.supportingDocuments.create({
              friendlyName: name,
              type: "customer_profile_address",
              attributes: { address_sids: addressSid },
            })
          ).sid,
        update: (sid) =>
          ctx.client.trusthub.v1.supportingDocuments(sid).update({ attributes: { address_sids: addressSid } }),
      });
    }),
    node(
      "assign:customer-profile:business-information",
      ["customer-profile", "business-information"],
      assignStep(ctx, "customer-profile", "business-information"),
    ),
    node(
      "assign:customer-profile:representative-1",
      ["customer-profile", "representative-1"],
      assignStep(ctx, "customer-profile", "representative-1"),
    ),
    node(
      "assign:customer-profile:address-document",
      ["customer-profile", "address-document"],
      assignStep(ctx, "customer-profile", "address-document"),
    ),
    node(
      "assign:customer-profile:primary-customer-profile",
      ["customer-profile"],
      assignStep(ctx, "customer-profile", null, ctx.primaryCustomerProfileSid),
    ),
    node("trust-product", [], bundleStep(ctx, "trust-product")),
    node(
      "messaging-profile",
      [],
      endUserStep(ctx, "messaging-profile", "us_a2p_messaging_profile_information", () =>
        messagingProfileAttributes(app),
      ),
    ),
    node(
      "assign:trust-product:messaging-profile",
      ["trust-product", "messaging-profile"],
      assignStep(ctx, "trust-product", "messaging-profile"),
    ),
    node(
      "assign:trust-product:customer-profile",
      ["trust-product", "customer-profile"],
      assignStep(ctx, "trust-product", "customer-profile"),
    ),
    node("messaging-service", [], messagingServiceStep(ctx)),
  ];
  const profileAssignments = [
    "assign:customer-profile:business-information",
    "assign:customer-profile:representative-1",
    "assign:customer-profile:address-document",
    "assign:customer-profile:primary-customer-profile",
  ];
  if (secondRep) {
    nodes.push(
      node(
        "representative-2",
        [],
        endUserStep(ctx, "representative-2", "authorized_representative_2", () => representativeAttributes(secondRep)),
      ),
    );
    nodes.push(
      node(
        "assign:customer-profile:representative-2",
        ["customer-profile", "representative-2"],
        assignStep(ctx, "customer-profile", "representative-2"),
      ),
    );
    profileAssignments.push("assign:customer-profile:representative-2");
  }
  nodes.push(
    node("evaluate:customer-profile", profileAssignments, evaluateStep(ctx, "customer-profile")),
    node("submit:customer-profile", ["evaluate:customer-profile"], submitStep(ctx, "customer-profile")),
    // The trust product is evaluated once the profile is compliant (it includes the profile).
    node(
      "evaluate:trust-product",
      ["assign:trust-product:messaging-profile", "assign:trust-product:customer-profile", "evaluate:customer-profile"],
      evaluateStep(ctx, "trust-product"),
    ),
    node(
      "submit:trust-product",
      ["evaluate:trust-product", "submit:customer-profile"],
      submitStep(ctx, "trust-product"),
    ),
    node("brand", ["submit:customer-profile", "submit:trust-product"], brandStep(ctx)),
  );
  return nodes;
}
