import { describe, expect, it } from "vitest";

import { campaignChange, createOnlyValues, replacementReason } from "@/lib/campaign/change-kind";

describe("how an approved campaign reaches Twilio (#25 line 4)", () => {
  const sent = createOnlyValues({
    optInMessage: "Subscribed. Reply STOP to stop.",
    optOutMessage: "",
    helpMessage: "",
    optInKeywords: ["START"],
    optOutKeywords: [],
    helpKeywords: [],
  });

  it("creates when Twilio holds none, updates when only updatable fields changed", () => {
    expect(campaignChange(null, { useCase: "MIXED", createOnly: sent })).toEqual({ kind: "create" });
    expect(campaignChange({ useCase: "MIXED", createOnly: sent }, { useCase: "MIXED", createOnly: sent })).toEqual({
      kind: "update",
    });
  });

  it("replaces on a new use case, or on a change to what the update does not take, and says why", () => {
    const useCase = campaignChange({ useCase: "MIXED", createOnly: sent }, { useCase: "MARKETING", createOnly: sent });
    expect(useCase).toMatchObject({ kind: "replace", because: "use-case" });
    expect(replacementReason(useCase)).toMatch(/use case changed/);
    const keywords = campaignChange(
      { useCase: "MIXED", createOnly: sent },
      { useCase: "MIXED", createOnly: { ...sent, optInKeywords: "START,JOIN", helpMessage: "Help: reply HELP." } },
    );
    expect(keywords).toEqual({
      kind: "replace",
      because: "create-only-fields",
      fields: ["helpMessage", "optInKeywords"],
    });
    expect(replacementReason(keywords)).toMatch(/^Help Message, Opt-in Keywords changed/);
  });

  it("updates a campaign recorded before its create-only fields were kept (nothing to compare)", () => {
    expect(campaignChange({ useCase: "MIXED" }, { useCase: "MIXED", createOnly: sent })).toEqual({ kind: "update" });
  });
});
