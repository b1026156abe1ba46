import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

type Manifest = { node: Record<string, { exportedName?: string; filename?: string }> };

/** The id Next.js gave a server action in this build (what a browser sends in `Next-Action`). */
export function serverActionId(exportedName: string): string {
  const manifest = JSON.parse(
    readFileSync(path.resolve(__dirname, "../../../.next/server/server-reference-manifest.json"), "utf8"),
  ) as Manifest;
  const entry = Object.entries(manifest.node).find(([, action]) => action.exportedName === exportedName);
  if (!entry) throw new Error(`server action ${exportedName} is not in the build`);
  return entry[0];
}

/**
 * Calls a server action exactly as a (possibly hostile) browser can: a POST with the action's id,
 * whatever page the caller is allowed to load. Returns the raw React Flight answer as text.
 */
export async function callServerAction(
  request: APIRequestContext,
  pagePath: string,
  exportedName: string,
  args: unknown[],
): Promise<string> {
  const response = await request.post(pagePath, {
    headers: {
      "Next-Action": serverActionId(exportedName),
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  return response.text();
}

/**
 * Arguments as React's client encodes them (encodeReply): a string that starts with "$" is escaped
 * as "$$…", since "$" opens a reference in the reply format. Unescaped, such a string is a
 * malformed request that React's decoder rejects before any action of ours runs.
 */
export const encodeReply = (args: unknown[]) =>
  JSON.stringify(args, (_key, value: unknown) =>
    typeof value === "string" && value.startsWith("$") ? `$${value}` : value,
  );

/**
 * Posts a server action call to the public sign-in page, so that only the action's own guard
 * decides (a protected page would be redirected by proxy.ts first). Returns the raw answer.
 */
export async function postServerAction(request: APIRequestContext, exportedName: string, args: unknown[]) {
  const response = await request.post("/sign-in", {
    headers: {
      "Next-Action": serverActionId(exportedName),
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
    },
    data: encodeReply(args),
    maxRedirects: 0,
  });
  return {
    status: response.status(),
    contentType: response.headers()["content-type"] ?? "",
    text: await response.text(),
  };
}

/**
 * One autosave as the wizard sends it: `PUT /api/applications/{id}/draft` with JSON (the route that
 * replaced the saveDraftAction server action, #27). Returns the status and the raw answer.
 */
export async function putDraft(
  request: APIRequestContext,
  applicationId: string,
  body: { expectedVersion: number; draft: unknown; currentStep: string },
): Promise<{ status: number; text: string }> {
  const response = await request.put(`/api/applications/${applicationId}/draft`, {
    headers: { "content-type": "application/json" },
    data: JSON.stringify(body),
    maxRedirects: 0,
  });
  return { status: response.status(), text: await response.text() };
}
