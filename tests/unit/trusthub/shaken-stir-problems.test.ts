import { describe, expect, it } from "vitest";

import { shakenStirProblems } from "@/lib/trusthub/shaken-stir-problems";

const NUMBERS = [
  { phoneNumberSid: `PN${"a".repeat(32)}`, phoneNumber: "+15005550006" },
  { phoneNumberSid: `PN${"b".repeat(32)}`, phoneNumber: "+15005550007" },
];

describe("a SHAKEN/STIR evaluation's failures, next to what to fix (#13 line 5)", () => {
  it("puts a failure naming a number next to that number, and the profile's above the list", () => {
    const problems = shakenStirProblems(
      [
        {
          friendly_name: "Secondary Customer Profile",
          object_type: "customer_profile",
          requirement_name: "customer_profile",
          passed: false,
          failure_reason: "A Secondary Customer Profile is missing. Please assign one to the regulatory bundle.",
          error_code: 22214,
          valid: [],
          invalid: [],
        },
        {
          requirement_name: "channel_endpoint_assignment",
          passed: false,
          failure_reason: "A phone number is not assigned to the Secondary Customer Profile.",
          error_code: 22218,
          invalid: [
            {
              object_field: "channel_endpoint_sid",
              failure_reason: `The phone number ${NUMBERS[1]!.phoneNumber} is not on the Secondary Customer Profile.`,
              error_code: 22218,
            },
          ],
        },
        { requirement_name: "business_info", passed: true, failure_reason: null, error_code: null },
      ],
      NUMBERS,
    );
    expect(problems).toEqual([
      {
        phoneNumberSid: null,
        message:
          "Secondary Customer Profile: A Secondary Customer Profile is missing. Please assign one to the regulatory bundle.",
        code: 22214,
      },
      {
        phoneNumberSid: NUMBERS[1]!.phoneNumberSid,
        message: "The phone number +15005550007 is not on the Secondary Customer Profile.",
        code: 22218,
      },
    ]);
  });

  it("a compliant evaluation has nothing to show", () => {
    expect(
      shakenStirProblems(
        [{ requirement_name: "customer_profile", passed: true, failure_reason: null, error_code: null }],
        NUMBERS,
      ),
    ).toEqual([]);
  });
});
