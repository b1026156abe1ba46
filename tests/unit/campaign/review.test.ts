import { describe, expect, it } from "vitest";

import { reviewCampaign, type FindingRule } from "@/lib/campaign/review";
import { campaignSchema, type Campaign, type CampaignInput } from "@/lib/campaign/schema";

const CLEAN: CampaignInput = {
  usAppToPersonUsecase: "ACCOUNT_NOTIFICATION",
  description: "Order confirmations and delivery updates for customers of Acme's online store.",
  messageFlow:
    "Customers opt in by ticking an unchecked SMS box at checkout on https://acme.example/checkout. Message frequency varies. Message and data rates may apply. Reply HELP for help, STOP to opt out.",
  sample1: "Acme: your order [order number] has shipped and arrives [date]. Reply STOP to opt out.",
  sample2: "Acme: your order [order number] was delivered. Questions? Reply HELP.",
};

const parse = (changes: Partial<CampaignInput> = {}): Campaign => campaignSchema.parse({ ...CLEAN, ...changes });
const rules = (changes: Partial<CampaignInput>, useCase = "ACCOUNT_NOTIFICATION") =>
  reviewCampaign(parse({ ...changes, usAppToPersonUsecase: useCase }), { brandName: "Acme, Inc.", useCase }).map(
    (finding) => finding.rule,
  );

describe("the campaign's hard limits (they block)", () => {
  it("accepts a complete campaign, and refuses what Twilio refuses, next to the field", () => {
    expect(campaignSchema.safeParse(CLEAN).success).toBe(true);
    const refused = campaignSchema.safeParse({
      ...CLEAN,
      description: "Too short.",
      messageFlow: "Opt in online.",
      sample2: "Short",
      sample3: "Also short",
      optInMessage: "Yes",
      optOutKeywords: "STOP, NO-MORE",
      privacyPolicyUrl: "not a url",
    });
    expect(refused.success).toBe(false);
    const fields = refused.error!.issues.map((issue) => issue.path.join("."));
    expect(fields.sort()).toEqual(
      ["description", "messageFlow", "optInMessage", "optOutKeywords", "privacyPolicyUrl", "sample2", "sample3"].sort(),
    );
    expect(parse({ optInKeywords: "start, yes" }).optInKeywords).toEqual(["START", "YES"]);
  });
});

// For each rule: campaigns that should raise it, and campaigns that should not.
const TABLE: { rule: FindingRule; bad: Partial<CampaignInput>[]; good: Partial<CampaignInput>[]; useCase?: string }[] =
  [
    {
      rule: "samples-name-brand",
      bad: [
        {
          sample1: "Your order [order number] has shipped. Reply STOP to opt out.",
          sample2: "Your order was delivered today.",
        },
      ],
      good: [{}, { sample1: "ACME: order [order number] shipped. Reply STOP to opt out." }],
    },
    {
      rule: "samples-opt-out",
      bad: [
        { sample1: "Acme: your order [order number] has shipped.", sample2: "Acme: your order was delivered today." },
      ],
      good: [{}, { sample2: "Acme: delivered. Text UNSUBSCRIBE to leave this list." }],
    },
    {
      rule: "samples-placeholders",
      bad: [
        { sample2: "Acme: hi {{first_name}}, your order is on its way." },
        { sample2: "Acme: hi <name>, your order shipped." },
        { sample2: "Acme: hi $name, your order shipped today." },
      ],
      good: [{}, { sample2: "Acme: hi [first name], your order shipped today." }],
    },
    {
      rule: "samples-fit-use-case",
      bad: [{ sample2: "Acme: 20% off everything this weekend only, reply STOP to opt out." }],
      good: [{}, { sample2: "Acme: your order [order number] is out for delivery today." }],
    },
    {
      rule: "samples-fit-use-case",
      useCase: "2FA",
      bad: [{}],
      good: [
        { sample1: "Acme: your verification code is [code]. Reply STOP to opt out." },
        { sample2: "Acme: use 482913 to sign in." },
      ],
    },
    {
      rule: "links-declared-not-shown",
      bad: [{ hasEmbeddedLinks: true }],
      good: [{}, { hasEmbeddedLinks: true, sample2: "Acme: track your order at https://acme.example/t/[id]" }],
    },
    {
      rule: "links-shown-not-declared",
      bad: [
        { sample2: "Acme: track your order at https://acme.example/t/[id]" },
        { sample2: "Acme: track it at acme.com/track now." },
      ],
      good: [{}, { hasEmbeddedLinks: true, sample2: "Acme: track your order at https://acme.example/t/[id]" }],
    },
    {
      rule: "phone-declared-not-shown",
      bad: [{ hasEmbeddedPhone: true }],
      good: [{}, { hasEmbeddedPhone: true, sample2: "Acme: questions? Call us at (415) 555-0100." }],
    },
    {
      rule: "phone-shown-not-declared",
      bad: [
        { sample2: "Acme: questions? Call us at (415) 555-0100." },
        { sample2: "Acme: call +1 415 555 0100 for help." },
      ],
      good: [{}, { sample2: "Acme: order [order number] of 3 items shipped." }],
    },
    {
      rule: "flow-where-consent",
      bad: [
        {
          messageFlow:
            "People agree to get our messages. Message frequency varies. Message and data rates may apply. Reply HELP for help.",
        },
      ],
      good: [
        {},
        {
          messageFlow:
            "Customers text JOIN to 415-555-0100 to subscribe. Message frequency varies. Msg & data rates may apply. Reply HELP for help.",
        },
      ],
    },
    {
      rule: "flow-rates",
      bad: [
        { messageFlow: "Customers opt in at checkout on our website. Message frequency varies. Reply HELP for help." },
      ],
      good: [
        {},
        {
          messageFlow:
            "Customers opt in at checkout on our website. Msg & data rates may apply. Frequency varies. Reply HELP for help.",
        },
      ],
    },
    {
      rule: "flow-frequency",
      bad: [
        {
          messageFlow:
            "Customers opt in at checkout on our website. Message and data rates may apply. Reply HELP for help.",
        },
      ],
      good: [
        {},
        {
          messageFlow:
            "Customers opt in at checkout on our website, up to 4 messages per month. Rates may apply. Reply HELP for help.",
        },
      ],
    },
    {
      rule: "flow-help",
      bad: [
        {
          messageFlow:
            "Customers opt in at checkout on our website. Message frequency varies. Message and data rates may apply.",
        },
      ],
      good: [{}],
    },
    {
      rule: "urls-https",
      bad: [
        { privacyPolicyUrl: "http://acme.example/privacy" },
        { hasEmbeddedLinks: true, sample2: "Acme: track it at http://acme.example/t/[id]" },
      ],
      good: [
        {},
        { privacyPolicyUrl: "https://acme.example/privacy", termsAndConditionsUrl: "https://acme.example/terms" },
      ],
    },
  ];

describe("the pre-submission review (advice, before the vetting fee)", () => {
  it("a careful campaign raises nothing", () => {
    expect(rules({})).toEqual([]);
  });

  for (const { rule, bad, good, useCase } of TABLE) {
    it(`${rule}${useCase ? ` (${useCase})` : ""}: flags the bad examples and not the good ones`, () => {
      for (const example of bad) expect(rules(example, useCase), JSON.stringify(example)).toContain(rule);
      for (const example of good) expect(rules(example, useCase), JSON.stringify(example)).not.toContain(rule);
    });
  }

  it("each finding names its field and the Twilio code it prevents", () => {
    const findings = reviewCampaign(
      parse({
        sample2: "Hi {{name}}, call (415) 555-0100",
        messageFlow: "People agree somewhere, somehow, at some point.",
      }),
      { brandName: "Acme, Inc.", useCase: "ACCOUNT_NOTIFICATION" },
    );
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: "samples-placeholders", field: "sample2", code: 30893 }),
        expect.objectContaining({ rule: "phone-shown-not-declared", field: "sample2", code: 30889 }),
        expect.objectContaining({ rule: "flow-where-consent", field: "messageFlow", code: 30896 }),
      ]),
    );
    for (const finding of findings) expect(finding.message.length).toBeGreaterThan(20);
  });
});

describe("Twilio's fees, one table", () => {
  it("every figure has a source and a date; one-time fees add up, monthly ones do not", async () => {
    const { TWILIO_FEES, oneTimeTotalUsd } = await import("@/lib/campaign/twilio-fees");
    for (const fee of Object.values(TWILIO_FEES)) {
      expect(fee.amountUsd).toBeGreaterThan(0);
      expect(fee.source).toMatch(/\d{6,}/);
      expect(fee.asOf).toMatch(/^\d{4}-\d{2}$/);
    }
    expect(oneTimeTotalUsd(["brand_registration", "secondary_vetting", "campaign_vetting", "campaign_monthly"])).toBe(
      59,
    );
  });
});
