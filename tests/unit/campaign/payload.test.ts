import { describe, expect, it } from "vitest";

import { readCampaignDraft, strictCampaignDraftSchema } from "@/lib/campaign/draft";
import { campaignFieldOfTwilioName, campaignProblems } from "@/lib/campaign/errors";
import { campaignCreateOptions, campaignUpdateOptions } from "@/lib/campaign/payload";
import { campaignSchema } from "@/lib/campaign/schema";
import { registrationFailureText, senderA2pState } from "@/lib/campaign/sender-pool";
import { parseUseCases } from "@/lib/campaign/use-cases";

const campaign = campaignSchema.parse({
  usAppToPersonUsecase: "MARKETING",
  description: "Weekly offers for customers of Acme who joined our text club at checkout.",
  messageFlow: "Customers join at checkout on https://acme.example. Msg and data rates may apply. Reply HELP for help.",
  sample1: "Acme: 20% off this week with code [code]. Reply STOP to opt out.",
  sample2: "Acme: your reward of [points] points is ready to use in store.",
  optOutKeywords: "stop, cancel",
});

describe("campaign mapping", () => {
  it("Twilio's error fields, in any spelling, land on the campaign form's fields", () => {
    expect(["MESSAGE_FLOW", "message_flow", "messageFlow"].map(campaignFieldOfTwilioName)).toEqual([
      "messageFlow",
      "messageFlow",
      "messageFlow",
    ]);
    expect(campaignFieldOfTwilioName("MESSAGE_SAMPLES")).toBe("sample1");
    expect(campaignFieldOfTwilioName("SOMETHING_NEW")).toBeNull();
    const problems = campaignProblems([
      { error_code: 30896, description: "Opt-in unclear.", fields: ["MESSAGE_FLOW"] },
      { registrationerrorcode: 30893, registrationerrordescription: "Samples.", registrationerrorfields: [] },
    ]);
    expect(problems.map((problem) => [problem.field, problem.code])).toEqual([
      ["campaign.messageFlow", 30896],
      ["campaign.description", 30893],
    ]);
    expect(problems[0]!.message).toMatch(/^Opt-in unclear\. The message flow/);
    expect(campaignProblems(null)).toEqual([]);
  });

  it("create sends the use case and keywords; update, which Twilio takes without them, does not", () => {
    const create = campaignCreateOptions(campaign, "BN" + "0".repeat(32));
    expect(create).toMatchObject({
      usAppToPersonUsecase: "MARKETING",
      messageSamples: [campaign.sample1, campaign.sample2],
      optOutKeywords: ["STOP", "CANCEL"],
      hasEmbeddedLinks: false,
    });
    expect(create).not.toHaveProperty("optInMessage");
    const update = campaignUpdateOptions(campaign);
    expect(update).not.toHaveProperty("usAppToPersonUsecase");
    expect(update).toMatchObject({ ageGated: false, directLending: false, messageFlow: campaign.messageFlow });
  });

  it("a number waits for the campaign until it is verified", () => {
    expect(senderA2pState(true, null)).toBe("waiting");
    expect(senderA2pState(true, "IN_PROGRESS")).toBe("waiting");
    // A verified campaign does not make a number registered: only Twilio's event for that number does.
    expect(senderA2pState(true, "VERIFIED")).toBe("registering");
    const said = (status: string, failureReason: string | null = null) => ({ status, failureReason });
    expect(senderA2pState(true, "VERIFIED", said("pending_registration"))).toBe("registering");
    expect(senderA2pState(true, "VERIFIED", said("registered"))).toBe("registered");
    expect(senderA2pState(true, "VERIFIED", said("failure", "https://www.twilio.com/docs/api/errors/30126"))).toBe(
      "failed",
    );
    expect(senderA2pState(true, "VERIFIED", said("pending_deregistration"))).toBe("deregistering");
    expect(senderA2pState(false, "VERIFIED", said("registered"))).toBe("not-in-pool");
    expect(registrationFailureText("https://www.twilio.com/docs/api/errors/30126")).toBe("Twilio error 30126");
    expect(registrationFailureText("Carrier rejected")).toBe("Carrier rejected");
  });

  it("use cases are read in either key spelling; items without a code are dropped", () => {
    expect(
      parseUseCases([
        { code: "2FA", name: "Two-Factor", description: "Codes", post_approval_required: false },
        { code: "POLITICAL", name: "Political", description: "", postApprovalRequired: true },
        { name: "no code" },
        "junk",
      ]),
    ).toEqual([
      { code: "2FA", name: "Two-Factor", description: "Codes", postApprovalRequired: false },
      { code: "POLITICAL", name: "Political", description: "", postApprovalRequired: true },
    ]);
    expect(parseUseCases(undefined)).toEqual([]);
  });

  it("the campaign draft keeps long texts, refuses wrong kinds, and reads any stored value into its shape", () => {
    expect(strictCampaignDraftSchema.safeParse({ description: "x".repeat(4096) }).success).toBe(true);
    expect(strictCampaignDraftSchema.safeParse({ hasEmbeddedLinks: "yes" }).success).toBe(false);
    expect(strictCampaignDraftSchema.safeParse({ unknownField: "x" }).success).toBe(false);
    expect(readCampaignDraft({ description: 42, sample1: "kept", __proto__: { polluted: true } })).toEqual({
      sample1: "kept",
    });
    expect(readCampaignDraft("not an object")).toEqual({});
  });
});
