import { fail, type ActionResult } from "@/lib/action-result";
import type { SaveDraftAnswer, SaveDraftInput } from "@/lib/onboarding/draft-save";

/**
 * One autosave, PUT to the application's draft route (lib/server/applications/draft-save-request.ts).
 * Its answer is the wizard's ActionResult; an error answer (401, 404, 413…) becomes one with the
 * server's message. A lost connection throws, as a server action's call would.
 */
export async function putDraft(applicationId: string, input: SaveDraftInput): Promise<ActionResult<SaveDraftAnswer>> {
  const response = await fetch(`/api/applications/${encodeURIComponent(applicationId)}/draft`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(input),
    credentials: "same-origin",
  });
  const body = (await response.json().catch(() => null)) as
    ActionResult<SaveDraftAnswer> | { error?: { message?: string } } | null;
  if (body && "ok" in body) return body;
  return fail(body?.error?.message ?? `Not saved: the server answered ${response.status}.`);
}
