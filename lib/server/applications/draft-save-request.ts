import "server-only";

import { NextResponse } from "next/server";

import { fail, ok, type ActionResult } from "@/lib/action-result";
import { zodFieldErrors } from "@/lib/forms/zod-field-errors";
import { MAX_DRAFT_REQUEST_BYTES, saveDraftInput, type SaveDraftAnswer } from "@/lib/onboarding/draft-save";

import { NotFoundError } from "../auth/errors";
import { requireCustomer } from "../auth/guards";
import { readSameOriginJson } from "../http/same-origin-json";
import { saveDraft } from "./application-draft";

/**
 * The wizard's autosave over plain HTTP (#27 line 2): a route handler rather than a server action,
 * which spent most of a save's time in the action runtime, the page proxy and the React answer
 * (bench/http.ts). The same guarantees: the caller is a signed-in customer, the application is its
 * organization's (named in the update itself), the version compare-and-set never overwrites a newer
 * save. Answers the wizard's ActionResult as JSON; errors thrown by the guard become 401/403/404
 * through route().
 */
export async function handleDraftSave(request: Request, applicationId: string): Promise<Response> {
  // Who is calling first: an anonymous caller costs one session check, not a megabyte's read.
  const customer = await requireCustomer();
  const body = await readSameOriginJson(request, MAX_DRAFT_REQUEST_BYTES);
  if (!body.ok) return answer(fail(body.message), body.status);
  const parsed = saveDraftInput.safeParse(body.value);
  if (!parsed.success) return answer(fail("Please correct the highlighted fields.", zodFieldErrors(parsed.error)), 422);
  const outcome = await saveDraft(
    { id: applicationId, organizationId: customer.organizationId },
    { ...parsed.data, currentStep: parsed.data.currentStep as never },
    customer.id,
  );
  if (outcome.ok) return answer(ok<SaveDraftAnswer>({ snapshot: outcome.snapshot }));
  if (outcome.reason === "not-found") throw new NotFoundError();
  return answer(ok<SaveDraftAnswer>({ conflict: outcome.current, locked: outcome.reason === "locked" }));
}

function answer(result: ActionResult<SaveDraftAnswer>, status = 200): Response {
  // no-transform: the answer is a few dozen bytes, and Next.js's compression (which cannot see the
  // length of a streamed body) set up a gzip stream for each one (#27 line 2's profile).
  return NextResponse.json(result, { status, headers: { "cache-control": "no-store, no-transform" } });
}
