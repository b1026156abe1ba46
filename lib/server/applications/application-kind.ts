import "server-only";

import { applicationKind } from "@/lib/onboarding/schema/application";

import { loadApplication } from "./load-application";

/** Whether the stored application is a Sole Proprietor one (no tax ID): its brand has fewer options. */
export async function isSoleProprietor(applicationId: string): Promise<boolean> {
  const loaded = await loadApplication(applicationId);
  return !!loaded && applicationKind(loaded.draft) === "sole-proprietor";
}
