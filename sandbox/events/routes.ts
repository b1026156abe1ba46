import type { RequestContext } from "../core/context";
import { invalidParameter, missingParameter } from "../core/errors";
import { list, single } from "../core/form";
import { v1Page } from "../core/pagination";
import { oneOf, required, requiredSid } from "../core/params";
import { HOSTS } from "../core/render";
import { created, noContent, ok, path, type Route } from "../core/router";
import { renderResource } from "../render-resource";
import { owned } from "../trusthub/routes";

type R = Route<RequestContext>;

/**
 * Event Streams v1 (events.twilio.com): Sinks and Subscriptions, per account, as the OpenAPI
 * description gives them (live-twilio.md §3, [EV-OAI], [SINK]). A sink is created `initialized`;
 * whether Twilio lets a webhook sink take subscriptions before it is validated is unconfirmed, so
 * the sandbox allows it (the portal never relies on a validation step).
 */
const SINK_TYPES = ["kinesis", "webhook", "segment", "email"] as const;

function sinkConfiguration(ctx: RequestContext, sinkType: string): Record<string, unknown> {
  const raw = required(ctx.body, "SinkConfiguration");
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalidParameter("SinkConfiguration", "must be JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw invalidParameter("SinkConfiguration", "must be a JSON object");
  const configuration = parsed as Record<string, unknown>;
  if (sinkType === "webhook") {
    try {
      const url = new URL(String(configuration.destination));
      if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error();
    } catch {
      throw invalidParameter("SinkConfiguration", "a webhook sink needs a destination URL");
    }
    if (configuration.method !== undefined && !["POST", "GET"].includes(String(configuration.method).toUpperCase()))
      throw invalidParameter("SinkConfiguration", "method must be POST or GET");
  }
  return configuration;
}

/** Each Types entry is a JSON string `{"type": "...", "schema_version": N}` (or, tolerated, a bare type name). */
function subscribedTypes(ctx: RequestContext): { type: string; schema_version: number }[] {
  const entries = list(ctx.body, "Types");
  if (!entries.length) throw missingParameter("Types");
  return entries.map((entry) => {
    let parsed: unknown = entry;
    try {
      parsed = JSON.parse(entry);
    } catch {
      // a bare type name
    }
    const type = typeof parsed === "string" ? parsed : (parsed as { type?: unknown })?.type;
    if (typeof type !== "string" || !/^com\.twilio\.[a-z0-9.-]+$/.test(type))
      throw invalidParameter("Types", `'${entry}' is not an event type`);
    const version = (parsed as { schema_version?: unknown })?.schema_version;
    return { type, schema_version: typeof version === "number" ? version : 1 };
  });
}

export const eventsRoutes: R[] = [
  {
    method: "POST",
    pattern: path("/v1/Sinks"),
    handle: (ctx) => {
      const description = required(ctx.body, "Description");
      const sinkType = oneOf(ctx.body, "SinkType", SINK_TYPES);
      if (!sinkType) throw missingParameter("SinkType");
      const sink = ctx.sandbox.store.create(
        "Sink",
        ctx.account.sid,
        {
          description,
          sink_type: sinkType,
          sink_configuration: sinkConfiguration(ctx, sinkType),
          status: "initialized",
        },
        ctx.sandbox.now(),
      );
      return created(renderResource(sink));
    },
  },
  {
    method: "GET",
    pattern: path("/v1/Sinks"),
    handle: (ctx) => {
      const status = single(ctx.query, "Status");
      const items = ctx.sandbox.store
        .list("Sink", (sink) => sink.accountSid === ctx.account.sid && (!status || sink.fields.status === status))
        .map(renderResource);
      return ok(v1Page("sinks", items, `${HOSTS.events}/v1/Sinks`, ctx.query));
    },
  },
  {
    method: "GET",
    pattern: path("/v1/Sinks/:sid"),
    handle: (ctx, { sid }) => ok(renderResource(owned(ctx, sid!, "Sink"))),
  },
  {
    method: "DELETE",
    pattern: path("/v1/Sinks/:sid"),
    handle: (ctx, { sid }) => {
      const sink = owned(ctx, sid!, "Sink");
      if (ctx.sandbox.store.list("Subscription", (s) => s.fields.sink_sid === sink.sid).length)
        throw invalidParameter("Sid", "the sink is still used by a subscription");
      ctx.sandbox.store.delete(sink.sid);
      return noContent();
    },
  },
  {
    method: "POST",
    pattern: path("/v1/Subscriptions"),
    handle: (ctx) => {
      const description = required(ctx.body, "Description");
      const sinkSid = requiredSid(ctx.body, "SinkSid", "DG");
      const sink = ctx.sandbox.store.get(sinkSid, "Sink");
      if (!sink || sink.accountSid !== ctx.account.sid)
        throw invalidParameter("SinkSid", `${sinkSid} is not a sink of this account`);
      if (sink.fields.status === "failed") throw invalidParameter("SinkSid", "the sink has failed");
      const subscription = ctx.sandbox.store.create(
        "Subscription",
        ctx.account.sid,
        { description, sink_sid: sink.sid, types: subscribedTypes(ctx) },
        ctx.sandbox.now(),
      );
      return created(renderResource(subscription));
    },
  },
  {
    method: "GET",
    pattern: path("/v1/Subscriptions"),
    handle: (ctx) => {
      const sinkSid = single(ctx.query, "SinkSid");
      const items = ctx.sandbox.store
        .list("Subscription", (s) => s.accountSid === ctx.account.sid && (!sinkSid || s.fields.sink_sid === sinkSid))
        .map(renderResource);
      return ok(v1Page("subscriptions", items, `${HOSTS.events}/v1/Subscriptions`, ctx.query));
    },
  },
  {
    method: "GET",
    pattern: path("/v1/Subscriptions/:sid"),
    handle: (ctx, { sid }) => ok(renderResource(owned(ctx, sid!, "Subscription"))),
  },
  {
    method: "DELETE",
    pattern: path("/v1/Subscriptions/:sid"),
    handle: (ctx, { sid }) => {
      ctx.sandbox.store.delete(owned(ctx, sid!, "Subscription").sid);
      return noContent();
    },
  },
];
