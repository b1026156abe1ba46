import { describe, expect, it } from "vitest";

import { editWindowOpen, tollfreeLedgerDetails } from "@/lib/tollfree/ledger-details";

describe("a toll-free verification's edit window, from what Twilio said", () => {
  const now = new Date("2026-12-06T12:00:00Z");
  it("is open while edits are allowed and before edit_expiration", () => {
    expect(editWindowOpen({ editAllowed: true, editExpiration: "2026-12-13T12:00:00Z" }, now)).toBe(true);
    expect(editWindowOpen({ editAllowed: true, editExpiration: null }, now)).toBe(true);
  });
  it("is closed after edit_expiration, or when the reasons allow no edit, or unknown", () => {
    expect(editWindowOpen({ editAllowed: true, editExpiration: "2026-12-06T11:59:59Z" }, now)).toBe(false);
    expect(editWindowOpen({ editAllowed: false, editExpiration: "2026-12-13T12:00:00Z" }, now)).toBe(false);
    expect(editWindowOpen({ editAllowed: null, editExpiration: null }, now)).toBe(false);
  });
  it("reads stored details leniently", () => {
    expect(tollfreeLedgerDetails(null)).toEqual({
      sentVersion: null,
      submission: 1,
      rejections: [],
      editAllowed: null,
      editExpiration: null,
    });
    expect(
      tollfreeLedgerDetails({
        sentVersion: 3,
        submission: 2,
        rejections: [{ code: 1, reason: "x" }, "bad"],
        editAllowed: "yes",
      }),
    ).toMatchObject({ sentVersion: 3, submission: 2, rejections: [{ code: 1, reason: "x" }], editAllowed: null });
  });
});
