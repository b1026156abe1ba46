import { describe, expect, it } from "vitest";

import { nextStep } from "@/lib/dashboard/next-steps";
import { dueAt, funnel, isStuck, STAGE_IDS, stageOf, type StageInput } from "@/lib/dashboard/stages";

const base: StageInput = {
  applicationStatus: "APPROVED",
  jobState: "DONE",
  profileStatus: null,
  trustProductStatus: null,
  brandStatus: null,
  campaignStatus: null,
};

describe("the stage of an application", () => {
  it("follows the application's status before Twilio is involved", () => {
    expect(stageOf({ ...base, applicationStatus: "DRAFT" })).toBe("draft");
    expect(stageOf({ ...base, applicationStatus: "SUBMITTED" })).toBe("in-staff-review");
    expect(stageOf({ ...base, applicationStatus: "CHANGES_REQUESTED", jobState: "NEEDS_CUSTOMER" })).toBe(
      "changes-requested",
    );
  });

  it("is provisioning while the pipeline runs, and provisioning-failed when it stopped for good", () => {
    expect(stageOf({ ...base, jobState: "QUEUED" })).toBe("provisioning");
    expect(stageOf({ ...base, jobState: "RUNNING", profileStatus: "draft" })).toBe("provisioning");
    expect(stageOf({ ...base, jobState: "FAILED", profileStatus: "draft" })).toBe("provisioning-failed");
  });

  it("waits on the profile review until both bundles are approved, then on the brand", () => {
    expect(
      stageOf({
        ...base,
        profileStatus: "pending-review",
        trustProductStatus: "pending-review",
        brandStatus: "PENDING",
      }),
    ).toBe("profile-in-review");
    expect(
      stageOf({ ...base, profileStatus: "twilio-approved", trustProductStatus: "in-review", brandStatus: "PENDING" }),
    ).toBe("profile-in-review");
    expect(
      stageOf({
        ...base,
        profileStatus: "twilio-approved",
        trustProductStatus: "twilio-approved",
        brandStatus: "PENDING",
      }),
    ).toBe("brand-pending");
    expect(
      stageOf({
        ...base,
        profileStatus: "twilio-approved",
        trustProductStatus: "twilio-approved",
        brandStatus: "IN_REVIEW",
      }),
    ).toBe("brand-pending");
  });

  it("shows failures over progress: a rejected bundle, a failed or suspended brand", () => {
    expect(
      stageOf({ ...base, profileStatus: "twilio-rejected", trustProductStatus: "in-review", brandStatus: "PENDING" }),
    ).toBe("profile-rejected");
    expect(
      stageOf({
        ...base,
        profileStatus: "twilio-approved",
        trustProductStatus: "twilio-approved",
        brandStatus: "FAILED",
      }),
    ).toBe("brand-failed");
    expect(stageOf({ ...base, brandStatus: "SUSPENDED" })).toBe("brand-failed");
    // Ready for campaigns only with a verified identity: APPROVED alone (a registered brand whose
    // identity TCR has not verified yet) still waits on the brand (#25 line 1).
    expect(stageOf({ ...base, brandStatus: "APPROVED", brandIdentity: "VERIFIED" })).toBe("brand-approved");
    expect(stageOf({ ...base, brandStatus: "APPROVED", brandIdentity: "vetted_verified" })).toBe("brand-approved");
    expect(stageOf({ ...base, brandStatus: "APPROVED" })).not.toBe("brand-approved");
    expect(stageOf({ ...base, brandStatus: "APPROVED", brandIdentity: "UNVERIFIED" })).not.toBe("brand-approved");
    // A failed brand back with the customer for a fix still says why; other changes say "changes requested".
    expect(stageOf({ ...base, applicationStatus: "CHANGES_REQUESTED", brandStatus: "FAILED" })).toBe("brand-failed");
    expect(stageOf({ ...base, applicationStatus: "CHANGES_REQUESTED", brandStatus: "PENDING" })).toBe(
      "changes-requested",
    );
  });

  it("moves on to the campaign once there is one", () => {
    expect(stageOf({ ...base, brandStatus: "APPROVED", campaignStatus: "IN_PROGRESS" })).toBe("campaign-pending");
    expect(stageOf({ ...base, brandStatus: "APPROVED", campaignStatus: "VERIFIED" })).toBe("campaign-verified");
    expect(stageOf({ ...base, brandStatus: "APPROVED", campaignStatus: "FAILED" })).toBe("campaign-failed");
  });
});

describe("stuck applications", () => {
  it("are those past Twilio's usual time for their stage; stages waiting on the customer never are", () => {
    const since = new Date("2026-11-01T00:00:00Z");
    const due = dueAt("profile-in-review", since)!;
    expect(due.toISOString()).toBe("2026-11-06T00:00:00.000Z");
    expect(isStuck(due, new Date("2026-11-05T23:59:00Z"))).toBe(false);
    expect(isStuck(due, new Date("2026-11-06T00:01:00Z"))).toBe(true);
    expect(dueAt("changes-requested", since)).toBeNull();
    expect(isStuck(null, new Date("2030-01-01T00:00:00Z"))).toBe(false);
  });
});

describe("the approval funnel", () => {
  it("counts each application for every step up to the one it reached", () => {
    const steps = funnel({
      draft: 5,
      "in-staff-review": 3,
      "changes-requested": 1,
      "brand-failed": 2,
      "brand-approved": 4,
      "campaign-verified": 1,
    });
    expect(steps.map((step) => step.count)).toEqual([16, 11, 7, 7, 7, 5, 1]);
    expect(steps[0]!.label).toBe("Started");
  });
});

describe("what happens next", () => {
  it("has words and, where someone else is working, a usual wait for every stage", () => {
    for (const stage of STAGE_IDS) {
      const next = nextStep(stage);
      expect(next.title.length, stage).toBeGreaterThan(5);
      if (next.who === "twilio") expect(next.wait, stage).toBeTruthy();
    }
    expect(nextStep("profile-in-review").wait).toContain("business days");
  });
});
