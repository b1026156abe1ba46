import type { EvaluationResult } from "@/lib/trusthub/evaluation-fields";

// Seed 001's example evaluation (a noncompliant profile), abridged to its requirements and entries.
export const SEED_001_RESULTS: EvaluationResult[] = [
  {
    friendly_name: "Business",
    object_type: "business",
    passed: false,
    failure_reason: "A Business End-User is missing. Please add one to the regulatory bundle.",
    error_code: 22214,
    valid: [],
    invalid: [
      {
        friendly_name: "Business Name",
        object_field: "business_name",
        failure_reason: "The Business Name is missing. Please enter in a Business Name on the Business information.",
        error_code: 22215,
      },
      {
        friendly_name: "Business Registration Number",
        object_field: "business_registration_number",
        failure_reason:
          "The Business Registration Number is missing. Please enter in a Business Registration Number on the Business information.",
        error_code: 22215,
      },
      {
        friendly_name: "First Name",
        object_field: "first_name",
        failure_reason: "The First Name is missing. Please enter in a First Name on the Business information.",
        error_code: 22215,
      },
      {
        friendly_name: "Last Name",
        object_field: "last_name",
        failure_reason: "The Last Name is missing. Please enter in a Last Name on the Business information.",
        error_code: 22215,
      },
    ],
    requirement_friendly_name: "Business",
    requirement_name: "business_info",
  },
  {
    friendly_name: "Excerpt from the commercial register showing French address",
    object_type: "commercial_registrar_excerpt",
    passed: false,
    failure_reason:
      "An Excerpt from the commercial register showing French address is missing. Please add one to the regulatory bundle.",
    error_code: 22216,
    valid: [],
    invalid: [
      {
        friendly_name: "Address sid(s)",
        object_field: "address_sids",
        failure_reason:
          "The Address is missing. Please enter in the address shown on the Excerpt from the commercial register showing French address.",
        error_code: 22219,
      },
    ],
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
