import { draftShapeSchemas, type DraftKind } from "@/lib/onboarding/schema/draft-shape";

import type { TollfreeDraft } from "./draft-values";
import { TOLLFREE_FIELDS, type TollfreeFieldKey } from "./fields";

const KIND = {
  text: "text",
  select: "text",
  lines: "longtext",
  longtext: "longtext",
  categories: "texts",
  flag: "flag",
};

export const TOLLFREE_DRAFT_SHAPE = Object.fromEntries(
  TOLLFREE_FIELDS.map((field) => [field.key, KIND[field.kind]]),
) as Record<TollfreeFieldKey, DraftKind>;

/** The draft's two readings, as the campaign's: strict for saving, lenient for whatever is stored. */
const schemas = draftShapeSchemas<TollfreeDraft>(TOLLFREE_DRAFT_SHAPE);
export const strictTollfreeDraftSchema = schemas.strict;
export const readTollfreeDraft = schemas.read;
