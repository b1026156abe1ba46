import { describe, expect, it } from "vitest";

import type { BrandError } from "@/lib/brand/details";
import { brandReady } from "@/lib/brand/readiness";
import { refreshDashboardRows } from "@/lib/server/dashboard/refresh-dashboard-row";
import { db } from "@/lib/server/db";
import { loadCustomerHome } from "@/lib/server/loaders/customer-home";

import { ACME } from "../support/acme";
import { SOLE_PROPRIETOR } from "../support/sole-proprietor";

/**
 * #25 line 11: the customer's home never contradicts itself. For each brand state the portal can
 * hold, the home's data (the loader the page renders from: the verification card, the status panel,
 * the approval progress, the campaign card) is built from one recorded state, and no two cards
 * disagree: no "verified" card beside a failed brand, no campaign step before the brand is ready,
 * one sentence per Twilio error, and a next step that matches the brand.
 */
type BrandState = {
  name: string;
  kind: "standard" | "sole-proprietor";
  status: string;
  identity: string | null;
  errors?: BrandError[];
  mock?: boolean;
  /** A verification the portal recorded earlier (the code or the Authentication+ email). */
  verification?: "sms-otp" | "email-2fa";
};

const MISMATCH: BrandError = {
  code: 30795,
  description: "The EIN and the legal business name do not match.",
  fields: ["business_name", "business_registration_number"],
};

const STATES: BrandState[] = [
  { name: "pending", kind: "standard", status: "PENDING", identity: null },
  {
    name: "awaiting the Authentication+ email",
    kind: "standard",
    status: "PENDING",
    identity: "UNVERIFIED",
    errors: [{ code: 30994, description: "Awaiting 2FA.", fields: ["brand_contact_email"] }],
    verification: "email-2fa",
  },
  { name: "approved, verified", kind: "standard", status: "APPROVED", identity: "VERIFIED", verification: "email-2fa" },
  { name: "approved, vetted", kind: "standard", status: "APPROVED", identity: "VETTED_VERIFIED" },
  {
    // The demo's case: the email was verified earlier, then TCR failed the identity (twice the same error).
    name: "failed identity verification",
    kind: "standard",
    status: "FAILED",
    identity: "UNVERIFIED",
    errors: [MISMATCH, MISMATCH],
    verification: "email-2fa",
  },
  {
    name: "Authentication+ timed out",
    kind: "standard",
    status: "FAILED",
    identity: "UNVERIFIED",
    errors: [{ code: 21739, description: "2FA verification timed out.", fields: [] }],
    verification: "email-2fa",
  },
  { name: "suspended", kind: "standard", status: "SUSPENDED", identity: "VERIFIED", verification: "email-2fa" },
  {
    name: "Sole Proprietor approved, code awaited",
    kind: "sole-proprietor",
    status: "APPROVED",
    identity: "UNVERIFIED",
    verification: "sms-otp",
  },
  {
    name: "Sole Proprietor verified",
    kind: "sole-proprietor",
    status: "APPROVED",
    identity: "VERIFIED",
    verification: "sms-otp",
  },
  { name: "mock Sole Proprietor", kind: "sole-proprietor", status: "APPROVED", identity: "UNVERIFIED", mock: true },
];

async function customerWithBrand(state: BrandState, index: number) {
  const organization = await db.organization.create({ data: { name: `Consistent ${index} Co` } });
  const draft = structuredClone(state.kind === "standard" ? ACME : SOLE_PROPRIETOR);
  const application = await db.onboardingApplication.create({
    data: { organizationId: organization.id, draft: draft as object, status: "APPROVED", submittedAt: new Date() },
  });
  await db.provisioningJob.create({ data: { applicationId: application.id, state: "DONE" } });
  const resource = (step: string, sid: string, status: string, details?: object) =>
    db.twilioResource.create({
      data: { applicationId: application.id, step, sid, accountSid: "AC" + "0".repeat(32), status, details },
    });
  await resource("customer-profile", `BU${index}a`, "twilio-approved");
  await resource("trust-product", `BU${index}b`, "twilio-approved");
  await resource("messaging-service", `MG${index}`, "created");
  await resource("brand", `BN${index}`, state.status, {
    identityStatus: state.identity,
    brandScore: null,
    tcrId: "BABC123",
    failureReason: null,
    errors: state.errors ?? [],
    ...(state.mock ? { mock: true } : {}),
  });
  if (state.verification)
    await db.brandVerification.create({
      data: { applicationId: application.id, method: state.verification, brandSid: `BN${index}`, sentAt: new Date() },
    });
  await refreshDashboardRows([application.id]);
  return organization;
}

describe("the customer's home for every brand state", () => {
  it.each(STATES.map((state, index) => [state.name, state, index] as const))(
    "%s: every card tells the same story",
    async (_name, state, index) => {
      const organization = await customerWithBrand(state, index);
      const home = await loadCustomerHome(organization.id);
      const ready = brandReady(state.status, state.identity);
      const failed = state.status === "FAILED" || state.status === "SUSPENDED";
      const status = home.status!;
      const brandStage = home.progress!.stages.find((stage) => stage.id === "brand")!;

      // The status panel and the progress show the recorded brand.
      expect(status.statuses.brand).toBe(state.status);
      expect(brandStage.state).toBe(ready ? "done" : failed ? "failed" : "current");

      // The verification card never says "verified" unless the brand is ready, and never sits
      // beside a failure unless it is the verification that failed.
      if (home.verification) {
        if (home.verification.state === "verified") expect(ready).toBe(true);
        if (failed) expect(["failed", "expired"]).toContain(home.verification.state);
        if (home.verification.state === "pending") expect(["otp-pending", "email-2fa-pending"]).toContain(status.stage);
      }
      if (state.name === "failed identity verification" || state.name === "suspended")
        expect(home.verification).toBeNull();

      // The campaign step is open exactly when the brand is ready; the next step says the same.
      expect(!!home.campaign?.open).toBe(ready && !failed);
      if (ready) expect(status.next.title).toBe("Your brand is approved");
      else expect(status.next.title).not.toBe("Your brand is approved");
      if (state.mock) expect(status.next.title).toBe("A test brand: no code and no campaign");

      // Problems appear exactly for a failed or suspended brand, each sentence once.
      expect(status.problems.length > 0).toBe(failed);
      const sentences = status.problems
        .flatMap((problem) => [problem.description, problem.explanation])
        .filter(Boolean);
      expect(new Set(sentences).size).toBe(sentences.length);
      const details = (brandStage.detail ?? "").split(" — ");
      expect(new Set(details).size).toBe(details.length);
    },
  );
});
