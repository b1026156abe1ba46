import { describe, expect, it } from "vitest";

import { awaitedVerification, verificationExpiresAt, verificationState } from "@/lib/brand/verification";
import { stageOf } from "@/lib/dashboard/stages";

const sentAt = new Date("2026-12-01T10:00:00Z");
const later = (hours: number) => new Date(sentAt.getTime() + hours * 3_600_000);
const state = (
  method: "sms-otp" | "email-2fa",
  hours: number,
  identityStatus: string | null = "UNVERIFIED",
  errorCodes: number[] = [],
) => verificationState({ method, sentAt, identityStatus, brandStatus: "PENDING", errorCodes, now: later(hours) });

describe("brand verification windows (#13 lines 2, 3, 6)", () => {
  it("a one-time code lasts 24 hours, an Authentication+ link 7 days", () => {
    expect(state("sms-otp", 23)).toBe("pending");
    expect(state("sms-otp", 25)).toBe("expired");
    expect(state("email-2fa", 24 * 6)).toBe("pending");
    // Authentication+ is what Twilio reports, never a guess from the clock (#25 line 5).
    expect(state("email-2fa", 24 * 8)).toBe("pending");
    for (const code of [21736, 21738, 21739, 21740]) expect(state("email-2fa", 1, "UNVERIFIED", [code])).toBe("failed");
    expect(state("email-2fa", 1, "UNVERIFIED", [21741])).toBe("expired");
    expect(verificationExpiresAt("sms-otp", sentAt)).toEqual(later(24));
    expect(verificationExpiresAt("email-2fa", sentAt)).toEqual(later(24 * 7));
  });

  it("Twilio's expiry codes win over the clock, and a verified identity over both", () => {
    expect(state("sms-otp", 1, "UNVERIFIED", [30752])).toBe("expired");
    expect(state("email-2fa", 1, "UNVERIFIED", [21737])).toBe("expired");
    expect(state("sms-otp", 100, "VERIFIED")).toBe("verified");
    expect(state("email-2fa", 1, "VETTED_VERIFIED", [21737])).toBe("verified");
  });

  it("a Sole Proprietor's code is awaited once the brand is APPROVED and unverified (walkthrough §3.1), the email while Twilio says 30994", () => {
    const brand = (status: string, identityStatus: string | null, errorCodes: number[] = []) => ({
      status,
      identityStatus,
      errorCodes,
    });
    // "The change to the APPROVED state triggers a new SMS OTP": nothing is sent while PENDING.
    expect(awaitedVerification("sms-otp", brand("PENDING", null))).toBeNull();
    expect(awaitedVerification("sms-otp", brand("PENDING", "UNVERIFIED"))).toBeNull();
    expect(awaitedVerification("sms-otp", brand("APPROVED", "UNVERIFIED"))).toBe("sms-otp");
    expect(awaitedVerification("sms-otp", brand("APPROVED", "unverified"))).toBe("sms-otp");
    expect(awaitedVerification("sms-otp", brand("APPROVED", "VERIFIED"))).toBeNull();
    expect(awaitedVerification("sms-otp", brand("APPROVED", "verified"))).toBeNull();
    // A mock Sole Proprietor brand is sent no code (mock-brand-api.md).
    expect(awaitedVerification("sms-otp", { ...brand("APPROVED", "UNVERIFIED"), mock: true })).toBeNull();
    expect(awaitedVerification("sms-otp", brand("SUSPENDED", "UNVERIFIED"))).toBeNull();
    expect(awaitedVerification("email-2fa", brand("PENDING", "UNVERIFIED"))).toBeNull();
    expect(awaitedVerification("email-2fa", brand("PENDING", "UNVERIFIED", [30994]))).toBe("email-2fa");
    expect(awaitedVerification("email-2fa", brand("FAILED", "UNVERIFIED", [30994]))).toBeNull();
    expect(awaitedVerification(null, brand("PENDING", null))).toBeNull();
  });

  it("the dashboards' stages name the wait", () => {
    const base = {
      applicationStatus: "APPROVED" as const,
      jobState: "DONE",
      profileStatus: "twilio-approved",
      trustProductStatus: "twilio-approved",
      brandStatus: "PENDING",
      campaignStatus: null,
    };
    expect(
      stageOf({ ...base, brandStatus: "APPROVED", brandIdentity: "UNVERIFIED", awaitedVerification: "sms-otp" }),
    ).toBe("otp-pending");
    expect(stageOf({ ...base, awaitedVerification: "email-2fa" })).toBe("email-2fa-pending");
    expect(stageOf({ ...base, awaitedVerification: null })).toBe("brand-pending");
    // Until Trust Hub approves the bundles, the profile review is what everyone waits for.
    expect(stageOf({ ...base, profileStatus: "in-review", awaitedVerification: "sms-otp" })).toBe("profile-in-review");
  });
});
