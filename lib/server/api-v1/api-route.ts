import "server-only";

import type { z } from "zod";

import type { ApiScope } from "@/lib/api-v1/schemas";
import { firstErrorByField } from "@/lib/forms/zod-field-errors";
import { describeErrorForLog } from "@/lib/logging/redact";

import { authenticateApiKey, type AuthenticatedKey } from "../api-keys/api-keys";
import { takeRequest } from "../auth/rate-limit";
import { db } from "../db";
import { env } from "../env";
import { readBoundedText } from "../http/bounded-body";
import { jsonError } from "../http/route";

/** A request the API refuses, with its status and words (and, for a bad body, each field's problem). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

/** The largest body the API reads: a customer with a whole draft is a few kilobytes. */
const MAX_BODY_BYTES = 64 * 1024;

type Handler<Ctx> = (request: Request, context: Ctx & { key: AuthenticatedKey }) => Promise<Response>;

/**
 * Every /api/v1 handler is built here: the API key first (a session cookie is not a key: a browser
 * cannot be made to call the API for someone), then its scope, then its rate (counted in the
 * database, so it holds across instances), then the handler. Errors are JSON with a status and a
 * message, never a bare 500.
 */
export function apiRoute<Ctx>(
  scope: ApiScope,
  handler: Handler<Ctx>,
): (request: Request, context: Ctx) => Promise<Response> {
  return async (request, context) => {
    try {
      const key = await authenticateApiKey(request.headers.get("authorization"));
      if (!key)
        return jsonError(401, "Send a valid API key: Authorization: Bearer ptk_…", undefined, {
          "WWW-Authenticate": 'Bearer realm="api"',
        });
      if (scope === "read_write" && key.scope !== "read_write")
        return jsonError(403, "This API key may only read: make a read-write key for this.");
      const limit = await takeRequest(db, "api-key", key.id, env().API_KEY_REQUESTS_PER_MINUTE, 60);
      if (!limit.allowed)
        return jsonError(429, "Too many requests for this API key.", undefined, {
          "Retry-After": String(limit.retryAfterSeconds),
        });
      return await handler(request, { ...context, key });
    } catch (error) {
      if (error instanceof ApiError) return jsonError(error.status, error.message, error.fields);
      console.error(
        "[api] unexpected error",
        request.method,
        new URL(request.url).pathname,
        describeErrorForLog(error),
      );
      return jsonError(500, "Something went wrong on our side. Please try again.");
    }
  };
}

/** The request's JSON body checked against its schema; every field's problem is told at once. */
export async function parseBody<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<z.output<Schema>> {
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? ""))
    throw new ApiError(400, "Send the body as JSON (Content-Type: application/json).");
  const body = await readBoundedText(request, MAX_BODY_BYTES);
  if (!body.ok) throw new ApiError(413, `Send at most ${MAX_BODY_BYTES / 1024} kB.`);
  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch {
    throw new ApiError(400, "The body is not valid JSON.");
  }
  return parseValue(json, schema);
}

export function parseValue<Schema extends z.ZodType>(value: unknown, schema: Schema): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new ApiError(400, "Some fields are not right: see `fields`.", firstErrorByField(parsed.error));
  return parsed.data;
}
