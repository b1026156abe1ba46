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
