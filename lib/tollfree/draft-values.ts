import { TOLLFREE_FIELDS, type TollfreeFieldKey } from "./fields";

/** The toll-free verification draft as the customer types it (partial and invalid values kept). */
export type TollfreeDraft = Partial<Record<TollfreeFieldKey, string | string[] | boolean>>;

/** What the form starts from: every text empty, no category, the box unticked. */
export function emptyTollfreeDraft(): Required<TollfreeDraft> {
  return Object.fromEntries(
    TOLLFREE_FIELDS.map((field) => [field.key, field.kind === "flag" ? false : field.kind === "categories" ? [] : ""]),
  ) as Required<TollfreeDraft>;
}

/** The draft as the schema's input (missing values empty). */
export function tollfreeDraftAsInput(draft: TollfreeDraft): Required<TollfreeDraft> {
  return { ...emptyTollfreeDraft(), ...draft };
}
