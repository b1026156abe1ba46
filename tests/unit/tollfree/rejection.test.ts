import { describe, expect, it } from "vitest";

import { fieldsOfRejection, readRejections, rejectionText, rejectionUrl } from "@/lib/tollfree/rejection";

describe("Twilio's toll-free rejection reasons, read in every shape", () => {
  it("reads the guide's {reason, code} list", () => {
    expect(
      readRejections({
        rejectionReasons: [
          { code: 30484, reason: "Business name and official records do not match" },
          { code: 30527, reason: "Business Registration Number is missing or invalid" },
        ],
      }),
    ).toEqual([
      { code: 30484, reason: "Business name and official records do not match" },
      { code: 30527, reason: "Business Registration Number is missing or invalid" },
    ]);
  });

  it("reads error_code/description items, plain strings, and drops empty items", () => {
    expect(
      readRejections({
        rejectionReasons: [
          { error_code: "30511", description: "Verbal consent script must be provided" },
          "Website down",
          {},
          null,
        ],
      }),
    ).toEqual([
      { code: 30511, reason: "Verbal consent script must be provided" },
      { code: null, reason: "Website down" },
    ]);
  });

  it("falls back to the single rejection_reason and error_code; nothing when not rejected", () => {
    expect(readRejections({ rejectionReasons: null, rejectionReason: "Need end business", errorCode: 30474 })).toEqual([
      { code: 30474, reason: "Need end business" },
    ]);
    expect(readRejections({ rejectionReasons: null, rejectionReason: null, errorCode: null })).toEqual([]);
  });

  it("names the field each documented code is about; an unknown code names none", () => {
    expect(fieldsOfRejection(30484)).toEqual(["businessName"]);
    expect(fieldsOfRejection(30527)).toEqual(["businessRegistrationNumber"]);
    expect(fieldsOfRejection(30451)).toContain("businessPostalCode");
    expect(fieldsOfRejection(39999)).toEqual([]);
    expect(fieldsOfRejection(null)).toEqual([]);
  });

  it("says it in words with Twilio's code and page", () => {
    expect(rejectionText({ code: 30484, reason: "Business name and official records do not match" })).toBe(
      "Business name and official records do not match (Twilio error 30484).",
    );
    expect(rejectionText({ code: null, reason: "" })).toBe("Twilio did not give a reason.");
    expect(rejectionUrl(30484)).toBe("https://www.twilio.com/docs/api/errors/30484");
    expect(rejectionUrl(null)).toBeNull();
  });
});
