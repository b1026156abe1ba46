import type { UseCaseOption } from "@/lib/campaign/views";

/**
 * Twilio's use-case list (`us_app_to_person_usecases: [{code, name, description,
 * post_approval_required}]`, Messaging v1) in the portal's shape, whichever case the keys come in.
 * Pure. Items without a code are dropped: the code is what a campaign is created with.
 */
export function parseUseCases(raw: unknown): UseCaseOption[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((item): item is Record<string, unknown> => !!item && typeof item === "object")
    .map((item) => ({
      code: String(item.code ?? "").trim(),
      name: String(item.name ?? item.code ?? "").trim(),
      description: String(item.description ?? "").trim(),
      postApprovalRequired: Boolean(item.post_approval_required ?? item.postApprovalRequired ?? false),
    }))
    .filter((option) => option.code !== "");
}

/**
 * A Sole Proprietor brand's one use case: SOLE_PROPRIETOR campaigns only on Sole Proprietor brands,
 * and it is the only use case such a brand takes (Twilio's Sole Proprietor walkthrough §5; the
 * Messaging OpenAPI's `us_app_to_person_usecase`; 21717 otherwise). The portal offers it alone,
 * whatever Twilio's use-case list says (that list "returns an empty list if there is an issue with
 * the customer's A2P brand").
 */
export const SOLE_PROPRIETOR_USE_CASE: UseCaseOption = {
  code: "SOLE_PROPRIETOR",
  name: "Sole Proprietor",
  description: "Messages from a sole proprietor with no tax ID: one campaign, sent from one phone number.",
  postApprovalRequired: false,
};

/** The use case a campaign is registered with: a Sole Proprietor's is always SOLE_PROPRIETOR. */
export function registeredUseCase(kind: "standard" | "sole-proprietor", chosen: string): string {
  return kind === "sole-proprietor" ? SOLE_PROPRIETOR_USE_CASE.code : chosen;
}
