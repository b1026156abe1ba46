import { describe, expect, it } from "vitest";

import { evaluationProblems, wizardField } from "@/lib/trusthub/evaluation-fields";

import { SEED_001_RESULTS } from "../../support/seed-001-evaluation";

describe("evaluation results → wizard fields", () => {
  it("maps seed 001's example to the fields a customer can fix, and keeps the rest for staff", () => {
    const { fields, other } = evaluationProblems(SEED_001_RESULTS);
    expect(fields.map((problem) => [problem.field, problem.code])).toEqual([
      ["business.businessName", 22215],
      ["business.registrationNumber", 22215],
      ["representatives.primary.firstName", 22215],
      ["representatives.primary.lastName", 22215],
      ["address.street", 22219],
    ]);
    expect(fields[0]!.message).toBe(
      "The Business Name is missing. Please enter in a Business Name on the Business information.",
    );
    expect(other).toEqual([
      {
        message: "An Executed Copy of Power of Attorney is missing. Please add one to the regulatory bundle.",
        code: 22216,
        requirement: "power_of_attorney_info",
      },
    ]);
  });

  it("representative 2's fields go to representative 2; messaging-profile fields to the company step", () => {
    expect(wizardField("authorized_representative_2", "email")).toBe("representatives.secondary.email");
    expect(wizardField("authorized_representative_1", "phone_number")).toBe("representatives.primary.phoneNumber");
    expect(wizardField("us_a2p_messaging_profile_information", "stock_ticker")).toBe("company.stockTicker");
    expect(wizardField("x", "unknown_field")).toBeNull();
  });

  it("a missing section without field entries points at its first field; passed results are ignored", () => {
    const { fields, other } = evaluationProblems([
      {
        passed: false,
        failure_reason: "A Physical Business Address is missing.",
        error_code: 22216,
        invalid: [],
        requirement_name: "customer_profile_address",
      },
      {
        passed: true,
        failure_reason: null,
        error_code: null,
        invalid: [],
        requirement_name: "authorized_representative_1",
      },
      {
        passed: false,
        failure_reason: "A Primary Customer Profile is missing.",
        error_code: 22214,
        invalid: [],
        requirement_name: "primary_customer_profile",
      },
    ]);
    expect(fields).toEqual([
      {
        field: "address.street",
        message: "A Physical Business Address is missing.",
        code: 22216,
        requirement: "customer_profile_address",
      },
    ]);
    expect(other).toEqual([
      { message: "A Primary Customer Profile is missing.", code: 22214, requirement: "primary_customer_profile" },
    ]);
  });
});
