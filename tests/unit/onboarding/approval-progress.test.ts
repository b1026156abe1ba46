import { describe, expect, it } from "vitest";

import { approvalProgress } from "@/lib/onboarding/approval-progress";
import { explainTwilioError } from "@/lib/trusthub/error-explanations";

const states = (input: Parameters<typeof approvalProgress>[0]) =>
  approvalProgress(input).map((stage) => `${stage.id}:${stage.state}`);

describe("the customer's approval progress", () => {
  it("follows the application from draft to an approved brand", () => {
    expect(states({ applicationStatus: "DRAFT", jobState: null, resources: [] })).toEqual([
      "sent:current",
      "review:todo",
      "profile:todo",
      "brand:todo",
      "campaign:todo",
    ]);
    expect(states({ applicationStatus: "SUBMITTED", jobState: null, resources: [] })).toEqual([
      "sent:done",
      "review:current",
      "profile:todo",
      "brand:todo",
      "campaign:todo",
    ]);
    expect(
      states({
        applicationStatus: "APPROVED",
        jobState: "RUNNING",
        resources: [{ step: "customer-profile", status: "in-review" }],
      }),
    ).toEqual(["sent:done", "review:done", "profile:current", "brand:todo", "campaign:todo"]);
    expect(
      states({
        applicationStatus: "APPROVED",
        jobState: "DONE",
        resources: [
          { step: "customer-profile", status: "twilio-approved" },
          { step: "brand", status: "APPROVED", details: { identityStatus: "VERIFIED" } },
        ],
      }),
    ).toEqual(["sent:done", "review:done", "profile:done", "brand:done", "campaign:current"]);
    // APPROVED with the identity not verified yet is not done: campaigns wait for it (#25 line 1).
    expect(
      states({
        applicationStatus: "APPROVED",
        jobState: "DONE",
        resources: [
          { step: "customer-profile", status: "twilio-approved" },
          { step: "brand", status: "APPROVED", details: { identitystatus: "unverified" } },
        ],
      }),
    ).toEqual(["sent:done", "review:done", "profile:done", "brand:current", "campaign:todo"]);
    // Then through the campaign to a verified one.
    const withCampaign = (campaign: string) =>
      approvalProgress({
        applicationStatus: "APPROVED",
        jobState: "DONE",
        resources: [
          { step: "customer-profile", status: "twilio-approved" },
          { step: "brand", status: "APPROVED", details: { identityStatus: "VERIFIED" } },
          { step: "campaign", status: campaign },
        ],
      })[4]!;
    expect(withCampaign("IN_PROGRESS")).toMatchObject({ state: "current", detail: expect.stringMatching(/vetted/) });
    expect(withCampaign("VERIFIED").state).toBe("done");
    expect(withCampaign("FAILED").state).toBe("failed");
    expect(withCampaign("SUSPENDED").state).toBe("failed");
  });

  it("says what went wrong: changes requested, a rejected profile, a failed brand with Twilio's error", () => {
    expect(states({ applicationStatus: "CHANGES_REQUESTED", jobState: "NEEDS_CUSTOMER", resources: [] })[1]).toBe(
      "review:failed",
    );
    expect(
      states({
        applicationStatus: "APPROVED",
        jobState: "DONE",
        resources: [{ step: "customer-profile", status: "twilio-rejected" }],
      })[2],
    ).toBe("profile:failed");
    const brand = approvalProgress({
      applicationStatus: "APPROVED",
      jobState: "DONE",
      resources: [
        { step: "brand", status: "FAILED", details: { errors: [{ code: 30799, description: "Identity mismatch" }] } },
      ],
    })[3]!;
    // The code and plain words; Twilio's raw text ("Identity mismatch") stays with staff.
    expect(brand).toMatchObject({
      state: "failed",
      detail: `Failed: see what to fix — 30799: ${explainTwilioError(30799)}`,
    });
    expect(brand.detail).not.toContain("Identity mismatch");
  });
});
