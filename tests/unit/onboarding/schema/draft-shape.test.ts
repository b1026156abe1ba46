import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { applyFieldEdit, EDITABLE_FIELD_PATHS } from "@/lib/onboarding/field-edits";
import { readDraftShape, strictDraftSchema } from "@/lib/onboarding/schema/draft-shape";

const anyJson = fc.jsonValue({ maxDepth: 4 });
const keyish = fc.oneof(fc.constantFrom("__proto__", "constructor", "business", "regions", "primary"), fc.string());
const draftish = fc.dictionary(
  fc.constantFrom("business", "representatives", "address", "company", "__proto__"),
  fc.dictionary(keyish, anyJson, { maxKeys: 5 }),
);

describe("the draft's shape, for any input", () => {
  it("whatever is stored reads into a draft of the right shape, without throwing", () => {
    fc.assert(
      fc.property(fc.oneof(anyJson, draftish), (stored) => {
        const draft = readDraftShape(stored);
        expect(strictDraftSchema.safeParse(draft).success).toBe(true);
        expect(Object.getPrototypeOf(draft)).toBe(Object.prototype);
      }),
      { numRuns: 500 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("a draft of the right shape reads back unchanged", () => {
    fc.assert(
      fc.property(draftish, (candidate) => {
        const parsed = strictDraftSchema.safeParse(candidate);
        if (parsed.success) expect(readDraftShape(parsed.data)).toEqual(parsed.data);
      }),
      { numRuns: 300 },
    );
  });

  it("a staff correction of any field with any text keeps the draft's shape", () => {
    fc.assert(
      fc.property(
        draftish,
        fc.constantFrom(...EDITABLE_FIELD_PATHS),
        fc.string({ maxLength: 300 }),
        (stored, path, text) => {
          const edit = applyFieldEdit(readDraftShape(stored), path, text);
          if (edit.ok) expect(strictDraftSchema.safeParse(edit.draft).success).toBe(true);
          else expect(edit.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });
});
