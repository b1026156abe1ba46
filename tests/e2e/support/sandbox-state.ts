import type { Page } from "@playwright/test";
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
