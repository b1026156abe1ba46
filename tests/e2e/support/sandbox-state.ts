import { expect, type Page } from "@playwright/test";

import { query } from "./database";
import { E2E } from "./e2e-env";

type SandboxState = {
  accounts: {
    sid: string;
    resources: Record<string, { sid: string; friendly_name?: string; customer_profile_bundle_sid?: string }[]>;
    fees: { type: string; resourceSid: string }[];
  }[];
};

/** What the browser tests' sandbox holds for one business: its bundles, services, brands and brand fees. */
export async function sandboxFor(page: Page, businessName: string) {
  const state = (await (await page.request.get(`${E2E.sandboxUrl}/__sandbox/state`)).json()) as SandboxState;
  const account = state.accounts[0]!;
  const named = (group: string) =>
    (account.resources[group] ?? []).filter((r) => (r.friendly_name ?? "").startsWith(`${businessName} `));
  const profiles = named("CustomerProfiles");
  const brands = (account.resources.BrandRegistrations ?? []).filter((b) =>
    profiles.some((p) => p.sid === b.customer_profile_bundle_sid),
  );
  return {
    profiles,
    products: named("TrustProducts"),
    services: named("Services"),
    brands,
    brandFees: account.fees.filter(
      (f) => f.type === "brand_registration" && brands.some((b) => b.sid === f.resourceSid),
    ),
  };
}

/** The SID the portal recorded for one business's provisioning step (read from the test database). */
export function recordedSid(businessName: string, step: string): string {
  return query<{ sid: string }>(
    `SELECT r.sid FROM "TwilioResource" r JOIN "OnboardingApplication" a ON a.id = r.applicationId JOIN "Organization" o ON o.id = a.organizationId WHERE o.name = ? AND r.step = ?`,
    businessName,
    step,
  )[0]!.sid;
}

/** Moves one sandbox resource to an outcome now (the sandbox's control API). */
export async function advanceInSandbox(page: Page, sid: string, outcome: string) {
  expect((await page.request.post(`${E2E.sandboxUrl}/__sandbox/advance`, { data: { sid, outcome } })).status()).toBe(
    200,
  );
}
