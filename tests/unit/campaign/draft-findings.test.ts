import { describe, expect, it } from "vitest";

import type { CampaignDraft } from "@/lib/campaign/draft";
import { draftFindings, findingsByField } from "@/lib/campaign/draft-findings";
import { reviewCampaign } from "@/lib/campaign/review";
import { campaignSchema } from "@/lib/campaign/schema";
import { brandRegistrationFees, campaignApprovalFees, formatUsd, TWILIO_FEES } from "@/lib/campaign/twilio-fees";

const COMPLETE: CampaignDraft = {
  usAppToPersonUsecase: "ACCOUNT_NOTIFICATION",
  description: "Order confirmations and delivery updates for customers of Acme's online store.",
  messageFlow:
    "Customers opt in by ticking an unchecked SMS box at checkout on https://acme.example/checkout. Message frequency varies. Message and data rates may apply. Reply HELP for help.",
  sample1: "Acme: your order [order number] has shipped. Reply STOP to opt out.",
  sample2: "Acme: your order [order number] was delivered.",
  optInKeywords: "start, yes",
  hasEmbeddedLinks: false,
};
const rules = (draft: CampaignDraft) => draftFindings(draft, "Acme, Inc.").map((finding) => finding.rule);

describe("the pre-submission review while the customer types", () => {
  it("gives a complete draft the same findings as the review staff see", () => {
    for (const draft of [
      COMPLETE,
      { ...COMPLETE, sample1: "Your order {{id}} shipped.", privacyPolicyUrl: "http://acme.example/privacy" },
      { ...COMPLETE, hasEmbeddedLinks: true, messageFlow: "People sign up. We send some texts to them sometimes." },
    ]) {
      const parsed = campaignSchema.parse({ ...draft });
      const staffView = reviewCampaign(parsed, { brandName: "Acme, Inc.", useCase: parsed.usAppToPersonUsecase });
      expect(draftFindings(draft, "Acme, Inc.")).toEqual(staffView);
    }
  });

  it("advises before the hard limits pass, and says nothing about parts not written yet", () => {
    expect(rules({})).toEqual([]);
    // A short sample without the brand or STOP: advice already, although Twilio's limits are not met.
    expect(rules({ sample1: "Order shipped" })).toEqual(["samples-name-brand", "samples-opt-out"]);
    // Message flow advice only once there is a message flow.
    expect(rules({ messageFlow: "We text." })).toEqual([
      "flow-where-consent",
      "flow-rates",
      "flow-frequency",
      "flow-help",
    ]);
    // A declared link with no sample to show it is advised at once.
    expect(rules({ hasEmbeddedLinks: true })).toEqual(["links-declared-not-shown"]);
    expect(rules({ privacyPolicyUrl: " http://acme.example/privacy " })).toEqual(["urls-https"]);
  });

  it("reads whatever is stored without throwing: wrong kinds count as empty", () => {
    const stored = { sample1: 42, messageFlow: null, hasEmbeddedPhone: "yes" } as unknown as CampaignDraft;
    expect(rules(stored)).toEqual([]);
  });

  it("groups findings by the field they are shown next to", () => {
    const grouped = findingsByField(
      draftFindings({ ...COMPLETE, sample2: "Visit www.acme.example now" }, "Acme, Inc."),
    );
    expect(Object.keys(grouped)).toEqual(["sample2"]);
    expect(grouped.sample2!.map((finding) => finding.code)).toEqual([30889]);
  });
});

describe("the fees staff see before a billable call", () => {
  it("a brand costs its registration, and secondary vetting unless Low-Volume Standard skips it", () => {
    expect(brandRegistrationFees(false).map((fee) => fee.event)).toEqual(["brand_registration", "secondary_vetting"]);
    expect(brandRegistrationFees(true).map((fee) => fee.event)).toEqual(["brand_registration"]);
  });

  it("a new or replaced campaign is vetted and billed monthly; an update of a failed one is vetted again", () => {
    expect(campaignApprovalFees("create").map((fee) => fee.event)).toEqual(["campaign_vetting", "campaign_monthly"]);
    expect(campaignApprovalFees("replace").map((fee) => fee.event)).toEqual(["campaign_vetting", "campaign_monthly"]);
    expect(campaignApprovalFees("update").map((fee) => fee.event)).toEqual(["campaign_vetting"]);
    // A Sole Proprietor campaign's monthly fee is its own ($2).
    expect(campaignApprovalFees("create", "SOLE_PROPRIETOR").map((fee) => fee.event)).toEqual([
      "campaign_vetting",
      "campaign_monthly_sole_proprietor",
    ]);
  });

  it("every figure has a source and a date, and prints in dollars and cents", () => {
    for (const fee of Object.values(TWILIO_FEES)) {
      expect(fee.source).not.toBe("");
      expect(fee.asOf).toMatch(/^\d{4}-\d{2}$/);
    }
    expect(formatUsd(TWILIO_FEES.campaign_vetting.amountUsd)).toBe("$15.00");
    expect(formatUsd(12.5)).toBe("$12.50");
  });
});
