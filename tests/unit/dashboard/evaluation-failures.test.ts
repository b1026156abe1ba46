import { describe, expect, it } from "vitest";

import { groupEvaluationFailures } from "@/lib/dashboard/evaluation-failures";
import { explainTwilioError } from "@/lib/trusthub/error-explanations";
import type { EvaluationResult } from "@/lib/trusthub/evaluation-fields";

import { SEED_001_RESULTS } from "../../support/seed-001-evaluation";

describe("evaluation failures", () => {
  it("group seed 001's noncompliant evaluation by requirement, each item with its code, an explanation and a link to its field", () => {
    const results: EvaluationResult[] = SEED_001_RESULTS;
    const groups = groupEvaluationFailures("customer-profile", results);
    expect(groups.length).toBe(results.filter((result) => !result.passed).length);
    const business = groups.find((group) => group.requirement === "business_info")!;
    expect(business.bundle).toBe("Business profile");
    expect(business.code).toBe(22214);
    const name = business.items.find((item) => item.field === "business.businessName")!;
    expect(name.code).toBe(22215);
    expect(name.message).toContain("Business Name is missing");
    expect(name.explanation).toBe(explainTwilioError(22215));
    expect(name.href).toBe("/onboarding/business?field=business.businessName");
    expect(name.fieldLabel).toBe("Business information: Business Name");
    const firstName = business.items.find((item) => item.field === "representatives.primary.firstName")!;
    expect(firstName.href).toBe("/onboarding/representatives?field=representatives.primary.firstName");
  });

  it("send a requirement that names no field to the first field of its step", () => {
    const groups = groupEvaluationFailures("customer-profile", [
      {
        passed: false,
        failure_reason: "A Physical Business Address is missing.",
        error_code: 22214,
        requirement_name: "customer_profile_address",
        invalid: [],
      },
    ]);
    expect(groups[0]!.items).toEqual([
      expect.objectContaining({
        field: "address.street",
        code: 22214,
        href: "/onboarding/address?field=address.street",
      }),
    ]);
  });
});
