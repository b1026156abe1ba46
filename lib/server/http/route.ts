import "server-only";

import { NextResponse } from "next/server";

import { describeErrorForLog } from "@/lib/logging/redact";

import { ForbiddenError, NotFoundError, UnauthenticatedError } from "../auth/errors";

type Handler<Ctx> = (request: Request, context: Ctx) => Promise<Response>;

/** Route handlers answer errors as JSON with a status and a message, never a bare 500. */
export function route<Ctx>(handler: Handler<Ctx>): Handler<Ctx> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      if (error instanceof UnauthenticatedError) return jsonError(401, error.message);
      if (error instanceof ForbiddenError) return jsonError(403, error.message);
      if (error instanceof NotFoundError) return jsonError(404, error.message);
      console.error(
        "[route] unexpected error",
        request.method,
        new URL(request.url).pathname,
        describeErrorForLog(error),
      );
      return jsonError(500, "Something went wrong on our side. Please try again.");
    }
  };
}

/** The one error body of every JSON route: a status, words, and for a bad body each field's problem. */
export function jsonError(
  status: number,
  message: string,
  fields?: Record<string, string>,
  headers?: HeadersInit,
): Response {
  return NextResponse.json({ error: { status, message, ...(fields ? { fields } : {}) } }, { status, headers });
}
