import { campaignFieldLabel, type CampaignFieldKey } from "./fields";
import type { Campaign } from "./schema";

/**
 * The campaign fields Twilio's update does not take (Messaging v1 OpenAPI UpdateUsAppToPerson takes
 * only the description, message flow, samples, the embedded-link/phone, age-gated and
 * direct-lending flags and the two policy URLs; live-twilio.md §9): a change to any of these, like
 * a change of use case, needs the campaign deleted and created again, vetted and charged anew.
 */
export const CREATE_ONLY_FIELDS = [
  "optInMessage",
  "optOutMessage",
  "helpMessage",
  "optInKeywords",
  "optOutKeywords",
  "helpKeywords",
] as const satisfies readonly CampaignFieldKey[];
export type CreateOnlyField = (typeof CREATE_ONLY_FIELDS)[number];
/** What a campaign was created with in those fields, as the ledger keeps it. */
export type CreateOnlyValues = Partial<Record<CreateOnlyField, string>>;

/** The create-only fields of a campaign, each as one comparable text (keywords joined). */
export function createOnlyValues(campaign: Pick<Campaign, CreateOnlyField>): CreateOnlyValues {
  return Object.fromEntries(
    CREATE_ONLY_FIELDS.map((field) => {
      const value = campaign[field];
      return [field, Array.isArray(value) ? value.map((word) => word.trim()).join(",") : (value ?? "").trim()];
    }),
  );
}

export type CampaignChange =
  | { kind: "create" }
  | { kind: "update" }
  | { kind: "replace"; because: "use-case" | "create-only-fields"; fields: CreateOnlyField[] };

/**
 * How an approved campaign reaches Twilio: created when there is none; updated in place when only
 * updatable fields changed; deleted and created again (a new vetting fee, which staff must accept)
 * when the use case or a create-only field changed. A campaign recorded before the create-only
 * fields were kept cannot be compared on them: it is updated. Pure.
 */
export function campaignChange(
  atTwilio: { useCase: string | null; createOnly?: CreateOnlyValues | null } | null,
  next: { useCase: string; createOnly: CreateOnlyValues | null },
): CampaignChange {
  if (!atTwilio) return { kind: "create" };
  if (atTwilio.useCase && atTwilio.useCase !== next.useCase)
    return { kind: "replace", because: "use-case", fields: [] };
  const before = atTwilio.createOnly;
  const after = next.createOnly;
  if (!before || !after) return { kind: "update" };
  const changed = CREATE_ONLY_FIELDS.filter((field) => (before[field] ?? "") !== (after[field] ?? ""));
  return changed.length ? { kind: "replace", because: "create-only-fields", fields: changed } : { kind: "update" };
}

/** Why a campaign must be registered again, in the words staff read before accepting the fee. */
export function replacementReason(change: CampaignChange): string | null {
  if (change.kind !== "replace") return null;
  if (change.because === "use-case")
    return "The use case changed. Twilio cannot change a campaign's use case, so the campaign will be deleted and registered again, vetted and charged anew.";
  const names = change.fields.map((field) => campaignFieldLabel(field)).join(", ");
  return `${names} changed. Twilio's campaign update does not take ${change.fields.length === 1 ? "this field" : "these fields"}, so the campaign will be deleted and registered again, vetted and charged anew.`;
}
