import { describe, expect, it } from "vitest";

import { normalizeBrandDetails } from "@/lib/brand/details";

describe("brand details", () => {
  it("read the same from an SDK fetch, an Event Streams event and Twilio's JSON", () => {
    const expected = { identityStatus: "VERIFIED", brandScore: 82, tcrId: "BXYZ", failureReason: null, errors: [] };
    expect(normalizeBrandDetails({ identityStatus: "VERIFIED", brandScore: 82, tcrId: "BXYZ", errors: [] })).toEqual(
      expected,
    );
    expect(normalizeBrandDetails({ identitystatus: "VERIFIED", brandscore: "82", tcrid: "BXYZ" })).toEqual(expected);
    expect(
      normalizeBrandDetails({ identity_status: "VERIFIED", brand_score: 82, tcr_id: "BXYZ", failure_reason: null }),
    ).toEqual(expected);
    expect(
      normalizeBrandDetails({ errors: [{ code: "30799", description: "Mismatch", fields: ["business_name"] }] }).errors,
    ).toEqual([{ code: 30799, description: "Mismatch", fields: ["business_name"] }]);
    expect(normalizeBrandDetails(null).errors).toEqual([]);
  });
});
