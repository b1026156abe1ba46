import { describe, expect, it } from "vitest";
import { evaluationProblems, wizardField, type EvaluationResult } from "@/lib/trusthub/evaluation-fields";

// Seed 001's example evaluation (a noncompliant profile), abridged to its requirements and entries.
const SEED_001_RESULTS: EvaluationResult[] = [
  {
    friendly_name: "Business",
    object_type: "business",
    passed: false,
    failure_reason: "A Business End-User is missing. Please add one to the regulatory bundle.",
    error_code: 22214,
    valid: [],
    invalid: [
      { friendly_name: "Business Name", object_field: "business_name", failure_reason: "The Business Name is missing. Please enter in a Business Name on the Business information.", error_code: 22215 },
      { friendly_name: "Business Registration Number", object_field: "business_registration_number", failure_reason: "The Business Registration Number is missing. Please enter in a Business Registration Number on the Business information.", error_code: 22215 },
      { friendly_name: "First Name", object_field: "first_name", failure_reason: "The First Name is missing. Please enter in a First Name on the Business information.", error_code: 22215 },
      { friendly_name: "Last Name", object_field: "last_name", failure_reason: "The Last Name is missing. Please enter in a Last Name on the Business information.", error_code: 22215 },
    ],
    requirement_friendly_name: "Business",
    requirement_name: "business_info",
  },
  {
    friendly_name: "Excerpt from the commercial register showing French address",
    object_type: "commercial_registrar_excerpt",
    passed: false,
    failure_reason: "An Excerpt from the commercial register showing French address is missing. Please add one to the regulatory bundle.",
    error_code: 22216,
    valid: [],
    invalid: [{ friendly_name: "Address sid(s)", object_field: "address_sids", failure_reason: "The Address is missing. Please enter in the address shown on the Excerpt from the commercial register showing French address.", error_code: 22219 }],
    requirement_friendly_name: "Business Address (Proof of Address)",
    requirement_name: "business_address_proof_info",
  },
  {
    friendly_name: "Executed Copy of Power of Attorney",
    object_type: "power_of_attorney",
    passed: false,
    failure_reason: "An Executed Copy of Power of Attorney is missing. Please add one to the regulatory bundle.",
    error_code: 22216,
    valid: [],
    invalid: [],
    requirement_friendly_name: "Power of Attorney",
    requirement_name: "power_of_attorney_info",
  },
];

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
    expect(fields[0]!.message).toBe("The Business Name is missing. Please enter in a Business Name on the Business information.");
    expect(other).toEqual([{ message: "An Executed Copy of Power of Attorney is missing. Please add one to the regulatory bundle.", code: 22216, requirement: "power_of_attorney_info" }]);
  });

  it("representative 2's fields go to representative 2; messaging-profile fields to the company step", () => {
    expect(wizardField("authorized_representative_2", "email")).toBe("representatives.secondary.email");
    expect(wizardField("authorized_representative_1", "phone_number")).toBe("representatives.primary.phoneNumber");
    expect(wizardField("us_a2p_messaging_profile_information", "stock_ticker")).toBe("company.stockTicker");
    expect(wizardField("x", "unknown_field")).toBeNull();
  });

  it("a missing section without field entries points at its first field; passed results are ignored", () => {
    const { fields, other } = evaluationProblems([
      { passed: false, failure_reason: "A Physical Business Address is missing.", error_code: 22216, invalid: [], requirement_name: "customer_profile_address" },
      { passed: true, failure_reason: null, error_code: null, invalid: [], requirement_name: "authorized_representative_1" },
      { passed: false, failure_reason: "A Primary Customer Profile is missing.", error_code: 22214, invalid: [], requirement_name: "primary_customer_profile" },
    ]);
    expect(fields).toEqual([{ field: "address.street", message: "A Physical Business Address is missing.", code: 22216, requirement: "customer_profile_address" }]);
    expect(other).toEqual([{ message: "A Primary Customer Profile is missing.", code: 22214, requirement: "primary_customer_profile" }]);
  });
});
