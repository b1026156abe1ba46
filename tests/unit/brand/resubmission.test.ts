import { describe, expect, it } from "vitest";

import { normalizeBrandDetails } from "@/lib/brand/details";
import { BRAND_RESUBMISSION_LIMIT, brandAttempts, brandFailureProblems } from "@/lib/brand/resubmission";

describe("a failed brand's errors, next to the wizard's fields", () => {
  it("maps each field Twilio names (any spelling of the errors) and keeps the rest as general problems", () => {
    const fromApi = normalizeBrandDetails({
      errors: [
        {
          error_code: 30799,
          description: "The business identity provided does not match the records for this EIN/Tax ID.",
          fields: ["business_name", "BUSINESS_REGISTRATION_NUMBER", "address"],
        },
        { error_code: 30702, description: "Brand not found at TCR.", fields: [] },
      ],
    });
    const problems = brandFailureProblems(fromApi.errors, null);
    expect(problems.fields.map((problem) => problem.field)).toEqual([
      "business.businessName",
      "business.registrationNumber",
      "address.street",
    ]);
    expect(problems.fields[0]!.code).toBe(30799);
    expect(problems.fields[0]!.message).toMatch(/does not match/);
    expect(problems.other).toEqual([expect.objectContaining({ code: 30702 })]);

    // Event Streams' spelling, and a brand with a failure reason only.
    const fromEvent = normalizeBrandDetails({
      brandregistrationerrors: [
        {
          registrationerrorcode: 21736,
          registrationerrordescription: "The Brand contact email is invalid.",
          registrationerrorfields: ["brand_contact_email"],
        },
      ],
    });
    expect(brandFailureProblems(fromEvent.errors, null).fields.map((problem) => problem.field)).toEqual([
      "company.brandContactEmail",
    ]);
    expect(brandFailureProblems([], "Could not verify.").other).toEqual([
      expect.objectContaining({ message: "Could not verify.", code: null }),
    ]);
  });

  it("counts the resubmissions left, never below zero", () => {
    expect(brandAttempts(0)).toEqual({ used: 0, limit: BRAND_RESUBMISSION_LIMIT, left: BRAND_RESUBMISSION_LIMIT });
    expect(brandAttempts(BRAND_RESUBMISSION_LIMIT).left).toBe(0);
    expect(brandAttempts(BRAND_RESUBMISSION_LIMIT + 2).left).toBe(0);
  });
});
