import { describe, expect, it } from "vitest";

import { applyFieldEdit, isEditableField } from "@/lib/onboarding/field-edits";
import { editFieldSchema, requestChangesSchema } from "@/lib/onboarding/review-schema";
import type { ApplicationDraft } from "@/lib/onboarding/schema/application";
import { readDraftShape, strictDraftSchema } from "@/lib/onboarding/schema/draft-shape";

import { ACME } from "../../support/acme";

const ACME_DRAFT = structuredClone(ACME) as unknown as ApplicationDraft;

describe("staff field edits", () => {
  it("accept only the review's own field paths", () => {
    for (const path of [
      "business.constructor.prototype.polluted",
      "business.__proto__.polluted",
      "__proto__.polluted",
      "business.__proto__",
      "constructor.prototype",
      "business.unknownField",
      "representatives.primary.__proto__",
      "representatives.tertiary.firstName",
      "business",
      "",
    ]) {
      expect(isEditableField(path), path).toBe(false);
      expect(editFieldSchema.safeParse({ applicationId: "a", field: path, value: "x" }).success, path).toBe(false);
      expect(
        requestChangesSchema.safeParse({ applicationId: "a", comments: [{ field: path, message: "m" }] }).success,
        path,
      ).toBe(false);
      expect(applyFieldEdit(ACME_DRAFT, path, "x")).toEqual({
        ok: false,
        message: "This field cannot be corrected here.",
      });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(isEditableField("business.businessName")).toBe(true);
    expect(isEditableField("representatives.primary.email")).toBe(true);
  });

  it("check the new value against that field's schema and keep the draft's shape", () => {
    expect(applyFieldEdit(ACME_DRAFT, "business.registrationNumber", "not an EIN")).toMatchObject({ ok: false });
    expect(applyFieldEdit(ACME_DRAFT, "representatives.primary.email", "nobody")).toMatchObject({ ok: false });
    expect(applyFieldEdit(ACME_DRAFT, "business.businessName", "")).toMatchObject({ ok: false });

    const renamed = applyFieldEdit(ACME_DRAFT, "business.businessName", "Acme Holdings, Inc.");
    expect(renamed.ok && renamed.draft.business?.businessName).toBe("Acme Holdings, Inc.");
    expect(ACME_DRAFT.business?.businessName).not.toBe("Acme Holdings, Inc.");

    // A list is typed comma-separated and stored as a list, never as a plain string.
    const social = applyFieldEdit(
      ACME_DRAFT,
      "business.socialMediaUrls",
      "https://x.com/acme, linkedin.com/company/acme",
    );
    expect(social.ok && social.draft.business?.socialMediaUrls).toEqual([
      "https://x.com/acme",
      "linkedin.com/company/acme",
    ]);
    expect(social.ok && strictDraftSchema.safeParse(social.draft).success).toBe(true);
    expect(applyFieldEdit(ACME_DRAFT, "business.socialMediaUrls", "not a url at all")).toMatchObject({ ok: false });
  });
});

describe("the draft's shape", () => {
  it("refuses a wrong kind on save, and reads a stored wrong kind into the right shape", () => {
    expect(strictDraftSchema.safeParse({ business: { socialMediaUrls: "https://x.com/acme" } }).success).toBe(false);
    expect(strictDraftSchema.safeParse({ business: { businessName: { nested: "object" } } }).success).toBe(false);
    expect(strictDraftSchema.safeParse({ business: { businessName: "Ac" }, extra: {} }).success).toBe(false);
    expect(strictDraftSchema.safeParse({ business: { registrationNumber: "12-3" } }).success).toBe(true);

    expect(readDraftShape({ business: { businessName: "Acme", socialMediaUrls: "https://x.com/acme" } })).toEqual({
      business: { businessName: "Acme" },
    });
    expect(readDraftShape("garbage")).toEqual({});
    expect(readDraftShape(null)).toEqual({});
    expect(
      readDraftShape(JSON.parse('{"__proto__": {"polluted": 1}, "business": {"regions": ["USA_AND_CANADA", 3]}}')),
    ).toEqual({
      business: { regions: ["USA_AND_CANADA"] },
    });
  });
});
