import type { RequestContext } from "../core/context";
import { invalidParameter, notFound, TwilioError } from "../core/errors";
import { single } from "../core/form";
import { v1Page } from "../core/pagination";
import { oneOf, optionalUrl, required, requiredSid } from "../core/params";
import { HOSTS } from "../core/render";
import { created, noContent, ok, path, type Route } from "../core/router";
import type { Kind, StoredResource } from "../core/store";
import { renderResource } from "../render-resource";
import { END_USER_TYPES, parseAttributes } from "./attributes";
import { evaluateBundle } from "./evaluate";
import { POLICIES, renderPolicy, SHAKEN_STIR_POLICY } from "./policies";

type R = Route<RequestContext>;

/** A resource of this account, or Twilio's 404. */
export function owned(ctx: RequestContext, sid: string, kind: Kind): StoredResource {
  const resource = ctx.sandbox.store.get(sid, kind);
  if (!resource || resource.accountSid !== ctx.account.sid) throw notFound(ctx.pathname);
  return resource;
}

const policyRoutes: R[] = [
  {
    method: "GET",
    pattern: path("/v1/Policies"),
    handle: (ctx) =>
      ok(
        v1Page(
          "results",
          Object.keys(POLICIES).map((sid) => renderPolicy(sid)!),
          `${HOSTS.trusthub}/v1/Policies`,
          ctx.query,
        ),
      ),
  },
  {
    method: "GET",
    pattern: path("/v1/Policies/:sid"),
    handle: (ctx, { sid }) => {
      const policy = renderPolicy(sid!);
      if (!policy) throw notFound(ctx.pathname);
      return ok(policy);
    },
  },
];

const BUNDLE_STATUSES = ["draft", "pending-review", "in-review", "twilio-rejected", "twilio-approved"] as const;

/**
 * A bundle takes new or removed assignments only while it is a draft, or rejected and being fixed
 * for resubmission (seed 001: fix a rejected bundle, then submit it again). Twilio publishes no code
 * for this refusal: 400 with the generic 20001 (core/error-codes.ts).
 */
function refuseUnlessEditable(bundle: StoredResource, what: string): void {
  const status = String(bundle.fields.status);
  if (status !== "draft" && status !== "twilio-rejected")
    throw invalidParameter("BundleSid", `the bundle's ${what} cannot change while its status is ${status}`);
}

/**
 * An EndUser's or SupportingDocument's attributes cannot change while a bundle holding it is under
 * Twilio's review (pending-review or in-review).
 */
export function refuseWhileUnderReview(ctx: RequestContext, objectSid: string): void {
  for (const assignment of ctx.sandbox.store.list("EntityAssignment", (a) => a.fields.object_sid === objectSid)) {
    const holder = ctx.sandbox.store.get(String(assignment.parentSid));
    const status = String(holder?.fields.status);
    if (status === "pending-review" || status === "in-review")
      throw invalidParameter("Attributes", `${objectSid} cannot change while bundle ${holder!.sid} is ${status}`);
  }
}

/** CustomerProfiles and TrustProducts behave alike; only names differ. */
function bundleRoutes(kind: "CustomerProfile" | "TrustProduct"): R[] {
  const collection = kind === "CustomerProfile" ? "CustomerProfiles" : "TrustProducts";
  const base = `/v1/${collection}`;
  const bundle = (ctx: RequestContext, sid: string) => owned(ctx, sid, kind);
  const children = (ctx: RequestContext, bundleSid: string, childKind: Kind) =>
    ctx.sandbox.store
      .list(childKind, (child) => child.parentSid === bundleSid && child.accountSid === ctx.account.sid)
      .map(renderResource);
  const child = (ctx: RequestContext, bundleSid: string, sid: string, childKind: Kind) => {
    const found = owned(ctx, sid, childKind);
    if (found.parentSid !== bundleSid) throw notFound(ctx.pathname);
    return found;
  };

  return [
    {
      method: "POST",
      pattern: path(base),
      handle: (ctx) => {
        const friendlyName = required(ctx.body, "FriendlyName");
        const email = required(ctx.body, "Email");
        const policySid = requiredSid(ctx.body, "PolicySid", "RN");
        if (!POLICIES[policySid]) throw invalidParameter("PolicySid", `policy ${policySid} was not found`);
        const statusCallback = optionalUrl(ctx.body, "StatusCallback");
        const resource = ctx.sandbox.store.create(
          kind,
          ctx.account.sid,
          {
            policy_sid: policySid,
            friendly_name: friendlyName,
            email,
            status_callback: statusCallback ?? null,
            status: "draft",
            valid_until: null,
            errors: null,
          },
          ctx.sandbox.now(),
        );
        return created(renderResource(resource));
      },
    },
    {
      method: "GET",
      pattern: path(base),
      handle: (ctx) => {
        const status = oneOf(ctx.query, "Status", BUNDLE_STATUSES);
        const friendlyName = single(ctx.query, "FriendlyName");
        const policySid = single(ctx.query, "PolicySid");
        const items = ctx.sandbox.store
          .list(kind, (r) => r.accountSid === ctx.account.sid)
          .filter(
            (r) =>
              (!status || r.fields.status === status) &&
              (!friendlyName || r.fields.friendly_name === friendlyName) &&
              (!policySid || r.fields.policy_sid === policySid),
          )
          .map(renderResource);
        return ok(v1Page("results", items, `${HOSTS.trusthub}${base}`, ctx.query));
      },
    },
    { method: "GET", pattern: path(`${base}/:sid`), handle: (ctx, { sid }) => ok(renderResource(bundle(ctx, sid!))) },
    {
      method: "POST",
      pattern: path(`${base}/:sid`),
      handle: (ctx, { sid }) => {
        const resource = bundle(ctx, sid!);
        const statusText = single(ctx.body, "Status");
        if (statusText && !(BUNDLE_STATUSES as readonly string[]).includes(statusText))
          throw new TwilioError(400, 22203, `Status '${statusText}' is not one of ${BUNDLE_STATUSES.join(", ")}`);
        const status = statusText as (typeof BUNDLE_STATUSES)[number] | undefined;
        const updates: Record<string, unknown> = {};
        const friendlyName = single(ctx.body, "FriendlyName");
        const email = single(ctx.body, "Email");
        const statusCallback = optionalUrl(ctx.body, "StatusCallback");
        if (friendlyName) updates.friendly_name = friendlyName;
        if (email) updates.email = email;
        if (statusCallback) updates.status_callback = statusCallback;
        // Twilio's 22204: a status change comes alone (live-twilio.md §2, §4).
        if (status && Object.keys(updates).length)
          throw new TwilioError(400, 22204, "Status cannot be updated in the same request as other properties");
        ctx.sandbox.store.update(resource, updates, ctx.sandbox.now());
        if (status && status !== resource.fields.status) {
          if (status !== "pending-review")
            throw invalidParameter("Status", "only pending-review may be set: the other statuses are Twilio's");
          // From draft, from twilio-rejected (fixed), and from twilio-approved: Twilio's troubleshooting
          // page moves an approved us_a2p_messaging_profile_information bundle back to pending-review
          // before a brand update (troubleshooting-standard-lvs-brands.md, Authentication+).
          if (!["draft", "twilio-rejected", "twilio-approved"].includes(String(resource.fields.status))) {
            throw invalidParameter(
              "Status",
              `the ${kind === "CustomerProfile" ? "Customer Profile" : "Trust Product"} cannot be submitted while its status is ${String(resource.fields.status)}`,
            );
          }
          ctx.sandbox.submitBundle(resource);
        }
        return ok(renderResource(resource));
      },
    },
    {
      method: "DELETE",
      pattern: path(`${base}/:sid`),
      handle: (ctx, { sid }) => {
        const resource = bundle(ctx, sid!);
        for (const childKind of ["EntityAssignment", "Evaluation", "ChannelEndpointAssignment"] as const) {
          for (const item of ctx.sandbox.store.list(childKind, (c) => c.parentSid === resource.sid))
            ctx.sandbox.store.delete(item.sid);
        }
        ctx.sandbox.store.delete(resource.sid);
        return noContent();
      },
    },
    // Entity assignments
    {
      method: "POST",
      pattern: path(`${base}/:bundleSid/EntityAssignments`),
      handle: (ctx, { bundleSid }) => {
        const resource = bundle(ctx, bundleSid!);
        refuseUnlessEditable(resource, "assignments");
        const objectSid = requiredSid(ctx.body, "ObjectSid");
        const object = ctx.sandbox.store.get(objectSid);
        // Objects of this account, or (for the ISV's primary profile) of its parent account.
        const reachable =
          object &&
          (object.accountSid === ctx.account.sid ||
            (object.kind === "CustomerProfile" && object.accountSid === ctx.account.parentSid));
        if (!reachable) throw new TwilioError(400, 22205, `ObjectSid ${objectSid} is not an object of this account`);
        if (!["EndUser", "SupportingDocument", "CustomerProfile", "TrustProduct"].includes(object.kind))
          throw new TwilioError(400, 22206, `Object ${objectSid} may not be assigned to a bundle`);
        if (
          ctx.sandbox.store.list(
            "EntityAssignment",
            (a) => a.parentSid === resource.sid && a.fields.object_sid === objectSid,
          ).length
        ) {
          throw invalidParameter("ObjectSid", `object ${objectSid} is already assigned to this bundle`);
        }
        const assignment = ctx.sandbox.store.create(
          "EntityAssignment",
          ctx.account.sid,
          { object_sid: objectSid, bundle_kind: kind },
          ctx.sandbox.now(),
          resource.sid,
        );
        return created(renderResource(assignment));
      },
    },
    {
      method: "GET",
      pattern: path(`${base}/:bundleSid/EntityAssignments`),
      handle: (ctx, { bundleSid }) => {
        bundle(ctx, bundleSid!);
        const objectType = single(ctx.query, "ObjectType");
        const items = children(ctx, bundleSid!, "EntityAssignment").filter(
          (a) => !objectType || ctx.sandbox.store.get(String(a.object_sid))?.fields.type === objectType,
        );
        return ok(v1Page("results", items, `${HOSTS.trusthub}${base}/${bundleSid}/EntityAssignments`, ctx.query));
      },
    },
    {
      method: "GET",
      pattern: path(`${base}/:bundleSid/EntityAssignments/:sid`),
      handle: (ctx, { bundleSid, sid }) => ok(renderResource(child(ctx, bundleSid!, sid!, "EntityAssignment"))),
    },
    {
      method: "DELETE",
      pattern: path(`${base}/:bundleSid/EntityAssignments/:sid`),
      handle: (ctx, { bundleSid, sid }) => {
        refuseUnlessEditable(bundle(ctx, bundleSid!), "assignments");
        ctx.sandbox.store.delete(child(ctx, bundleSid!, sid!, "EntityAssignment").sid);
        return noContent();
      },
    },
    // Evaluations
    {
      method: "POST",
      pattern: path(`${base}/:bundleSid/Evaluations`),
      handle: (ctx, { bundleSid }) => {
        const resource = bundle(ctx, bundleSid!);
        const policySid = requiredSid(ctx.body, "PolicySid", "RN");
        if (policySid !== resource.fields.policy_sid)
          throw invalidParameter("PolicySid", "must be the policy of this bundle");
        const evaluation = evaluateBundle(ctx.sandbox.store, resource);
        const stored = ctx.sandbox.store.create(
          "Evaluation",
          ctx.account.sid,
          { policy_sid: policySid, status: evaluation.status, results: evaluation.results, bundle_kind: kind },
          ctx.sandbox.now(),
          resource.sid,
        );
        return created(renderResource(stored));
      },
    },
    {
      method: "GET",
      pattern: path(`${base}/:bundleSid/Evaluations`),
      handle: (ctx, { bundleSid }) => {
        bundle(ctx, bundleSid!);
        return ok(
          v1Page(
            "results",
            children(ctx, bundleSid!, "Evaluation"),
            `${HOSTS.trusthub}${base}/${bundleSid}/Evaluations`,
            ctx.query,
          ),
        );
      },
    },
    {
      method: "GET",
      pattern: path(`${base}/:bundleSid/Evaluations/:sid`),
      handle: (ctx, { bundleSid, sid }) => ok(renderResource(child(ctx, bundleSid!, sid!, "Evaluation"))),
    },
    // Channel endpoint assignments (phone numbers)
    {
      method: "POST",
      pattern: path(`${base}/:bundleSid/ChannelEndpointAssignments`),
      handle: (ctx, { bundleSid }) => {
        const resource = bundle(ctx, bundleSid!);
        const type = required(ctx.body, "ChannelEndpointType");
        if (type !== "phone-number") throw invalidParameter("ChannelEndpointType", "must be phone-number");
        const endpointSid = requiredSid(ctx.body, "ChannelEndpointSid", "PN");
        const number = ctx.sandbox.store.get(endpointSid, "IncomingPhoneNumber");
        if (!number || number.accountSid !== ctx.account.sid)
          throw new TwilioError(400, 22205, `ChannelEndpointSid ${endpointSid} is not a phone number of this account`);
        // Seed 002 (live-twilio.md §7): only numbers already assigned to the Secondary Customer
        // Profile may be assigned to its SHAKEN/STIR trust product (the code Twilio answers is unpublished).
        if (resource.fields.policy_sid === SHAKEN_STIR_POLICY && !onLinkedProfile(ctx, resource.sid, endpointSid))
          throw invalidParameter(
            "ChannelEndpointSid",
            `${endpointSid} must be assigned to the Secondary Customer Profile before its SHAKEN/STIR trust product`,
          );
        const assignment = ctx.sandbox.store.create(
          "ChannelEndpointAssignment",
          ctx.account.sid,
          { channel_endpoint_type: type, channel_endpoint_sid: endpointSid, bundle_kind: kind },
          ctx.sandbox.now(),
          resource.sid,
        );
        return created(renderResource(assignment));
      },
    },
    {
      method: "GET",
      pattern: path(`${base}/:bundleSid/ChannelEndpointAssignments`),
      handle: (ctx, { bundleSid }) => {
        bundle(ctx, bundleSid!);
        const endpointSid = single(ctx.query, "ChannelEndpointSid");
        const items = children(ctx, bundleSid!, "ChannelEndpointAssignment").filter(
          (a) => !endpointSid || a.channel_endpoint_sid === endpointSid,
        );
        return ok(
          v1Page("results", items, `${HOSTS.trusthub}${base}/${bundleSid}/ChannelEndpointAssignments`, ctx.query),
        );
      },
    },
    {
      method: "GET",
      pattern: path(`${base}/:bundleSid/ChannelEndpointAssignments/:sid`),
      handle: (ctx, { bundleSid, sid }) =>
        ok(renderResource(child(ctx, bundleSid!, sid!, "ChannelEndpointAssignment"))),
    },
    {
      method: "DELETE",
      pattern: path(`${base}/:bundleSid/ChannelEndpointAssignments/:sid`),
      handle: (ctx, { bundleSid, sid }) => {
        ctx.sandbox.store.delete(child(ctx, bundleSid!, sid!, "ChannelEndpointAssignment").sid);
        return noContent();
      },
    },
  ];
}

const endUserRoutes: R[] = [
  {
    method: "POST",
    pattern: path("/v1/EndUsers"),
    handle: (ctx) => {
      const friendlyName = required(ctx.body, "FriendlyName");
      const type = required(ctx.body, "Type");
      if (!END_USER_TYPES.includes(type as never))
        throw invalidParameter("Type", `'${type}' is not one of ${END_USER_TYPES.join(", ")}`);
      const attributes = parseAttributes(single(ctx.body, "Attributes"));
      const resource = ctx.sandbox.store.create(
        "EndUser",
        ctx.account.sid,
        { friendly_name: friendlyName, type, attributes },
        ctx.sandbox.now(),
      );
      return created(renderResource(resource));
    },
  },
  {
    method: "GET",
    pattern: path("/v1/EndUsers"),
    handle: (ctx) =>
      ok(
        v1Page(
          "results",
          ctx.sandbox.store.list("EndUser", (r) => r.accountSid === ctx.account.sid).map(renderResource),
          `${HOSTS.trusthub}/v1/EndUsers`,
          ctx.query,
        ),
      ),
  },
  {
    method: "GET",
    pattern: path("/v1/EndUsers/:sid"),
    handle: (ctx, { sid }) => ok(renderResource(owned(ctx, sid!, "EndUser"))),
  },
  {
    method: "POST",
    pattern: path("/v1/EndUsers/:sid"),
    handle: (ctx, { sid }) => {
      const resource = owned(ctx, sid!, "EndUser");
      const updates: Record<string, unknown> = {};
      const friendlyName = single(ctx.body, "FriendlyName");
      if (friendlyName) updates.friendly_name = friendlyName;
      if (single(ctx.body, "Attributes") !== undefined) {
        refuseWhileUnderReview(ctx, resource.sid);
        updates.attributes = parseAttributes(single(ctx.body, "Attributes"));
      }
      return ok(renderResource(ctx.sandbox.store.update(resource, updates, ctx.sandbox.now())));
    },
  },
  {
    method: "DELETE",
    pattern: path("/v1/EndUsers/:sid"),
    handle: (ctx, { sid }) => {
      ctx.sandbox.store.delete(owned(ctx, sid!, "EndUser").sid);
      return noContent();
    },
  },
];

const SUPPORTING_DOCUMENT_TYPES = ["customer_profile_address"];

function documentAttributes(ctx: RequestContext): Record<string, unknown> {
  const attributes = parseAttributes(single(ctx.body, "Attributes"));
  const sids = String(attributes.address_sids ?? "")
    .split(",")
    .map((sid) => sid.trim())
    .filter(Boolean);
  for (const addressSid of sids) {
    if (!/^AD[0-9a-fA-F]{32}$/.test(addressSid))
      throw invalidParameter("Attributes.address_sids", `'${addressSid}' is not an Address SID`);
  }
  return attributes;
}

const supportingDocumentRoutes: R[] = [
  {
    method: "POST",
    pattern: path("/v1/SupportingDocuments"),
    handle: (ctx) => {
      const friendlyName = required(ctx.body, "FriendlyName");
      const type = required(ctx.body, "Type");
      if (!SUPPORTING_DOCUMENT_TYPES.includes(type))
        throw invalidParameter("Type", `'${type}' is not one of ${SUPPORTING_DOCUMENT_TYPES.join(", ")}`);
      const resource = ctx.sandbox.store.create(
        "SupportingDocument",
        ctx.account.sid,
        { friendly_name: friendlyName, type, attributes: documentAttributes(ctx), status: "DRAFT", mime_type: null },
        ctx.sandbox.now(),
      );
      return created(renderResource(resource));
    },
  },
  {
    method: "GET",
    pattern: path("/v1/SupportingDocuments"),
    handle: (ctx) =>
      ok(
        v1Page(
          "results",
          ctx.sandbox.store.list("SupportingDocument", (r) => r.accountSid === ctx.account.sid).map(renderResource),
          `${HOSTS.trusthub}/v1/SupportingDocuments`,
          ctx.query,
        ),
      ),
  },
  {
    method: "GET",
    pattern: path("/v1/SupportingDocuments/:sid"),
    handle: (ctx, { sid }) => ok(renderResource(owned(ctx, sid!, "SupportingDocument"))),
  },
  {
    method: "POST",
    pattern: path("/v1/SupportingDocuments/:sid"),
    handle: (ctx, { sid }) => {
      const resource = owned(ctx, sid!, "SupportingDocument");
      const updates: Record<string, unknown> = {};
      const friendlyName = single(ctx.body, "FriendlyName");
      if (friendlyName) updates.friendly_name = friendlyName;
      if (single(ctx.body, "Attributes") !== undefined) {
        refuseWhileUnderReview(ctx, resource.sid);
        updates.attributes = documentAttributes(ctx);
      }
      return ok(renderResource(ctx.sandbox.store.update(resource, updates, ctx.sandbox.now())));
    },
  },
  {
    method: "DELETE",
    pattern: path("/v1/SupportingDocuments/:sid"),
    handle: (ctx, { sid }) => {
      ctx.sandbox.store.delete(owned(ctx, sid!, "SupportingDocument").sid);
      return noContent();
    },
  },
];

export const trusthubRoutes: R[] = [
  ...policyRoutes,
  ...bundleRoutes("CustomerProfile"),
  ...bundleRoutes("TrustProduct"),
  ...endUserRoutes,
  ...supportingDocumentRoutes,
];

/** Whether a number is assigned to a customer profile that this trust product holds (its entity assignments). */
function onLinkedProfile(ctx: RequestContext, trustProductSid: string, numberSid: string): boolean {
  const profiles = ctx.sandbox.store
    .list("EntityAssignment", (assignment) => assignment.parentSid === trustProductSid)
    .map((assignment) => String(assignment.fields.object_sid))
    .filter((sid) => ctx.sandbox.store.get(sid)?.kind === "CustomerProfile");
  return ctx.sandbox.store
    .list("ChannelEndpointAssignment", (assignment) => profiles.includes(String(assignment.parentSid)))
    .some((assignment) => assignment.fields.channel_endpoint_sid === numberSid);
}
