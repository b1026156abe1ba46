import { expect, test } from "@playwright/test";

import { expectNoSeriousA11yViolations } from "./support/a11y";
import { E2E } from "./support/e2e-env";
import { DEMO_CUSTOMER, DEMO_STAFF, giveNumberTo, signIn } from "./support/fixtures";

/**
 * Runs after status-dashboard.spec.ts (Acme's Secondary Customer Profile and brand approved) and
 * twilio-campaign.spec.ts (its job idle again). Staff choose a number under "SHAKEN/STIR".
 */
const SHAKEN_STIR_POLICY = "RN7a97559effdf62d00f4298208492a5ea";

type Resources = {
  TrustProducts?: { sid: string; policy_sid: string; friendly_name: string; status: string }[];
  ChannelEndpointAssignments?: { trust_product_sid?: string; channel_endpoint_sid: string }[];
  IncomingPhoneNumbers?: { sid: string; phone_number: string }[];
};

test("staff open Acme, Inc., choose a phone number under SHAKEN/STIR and submit: the sandbox holds one SHAKEN/STIR trust product with that number", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO_STAFF);
  // A number of Acme's own (a customer registers only its own numbers), given by staff.
  const number = await giveNumberTo(page, "demo-org-acme");
  await page.getByRole("link", { name: "Open application" }).click();
  const card = page.getByTestId("shaken-stir");
  await card.getByRole("checkbox", { name: number }).check();
  await card.getByRole("button", { name: "Register for SHAKEN/STIR" }).click();
  await expect(card.getByText("Queued: the numbers are being registered for SHAKEN/STIR.")).toBeVisible();

  const acmeProducts = async () => {
    const state = (await (await page.request.get(`${E2E.sandboxUrl}/__sandbox/state`)).json()) as {
      accounts: { resources: Resources }[];
    };
    const resources = state.accounts[0]!.resources;
    const products = (resources.TrustProducts ?? []).filter(
      (product) => product.policy_sid === SHAKEN_STIR_POLICY && product.friendly_name.startsWith("Acme, Inc. "),
    );
    const numberSid = (resources.IncomingPhoneNumbers ?? []).find((n) => n.phone_number === number)!.sid;
    const assigned = (resources.ChannelEndpointAssignments ?? []).filter(
      (a) => products.some((p) => p.sid === a.trust_product_sid) && a.channel_endpoint_sid === numberSid,
    );
    return { products: products.length, assigned: assigned.length, status: products[0]?.status ?? null };
  };
  await expect.poll(acmeProducts, { timeout: 45_000 }).toEqual({ products: 1, assigned: 1, status: "pending-review" });

  await page.reload();
  await expect(card.getByRole("checkbox", { name: number })).toBeChecked();
  await expect(card.getByRole("listitem").filter({ hasText: number })).toContainText("Assigned");
  await expectNoSeriousA11yViolations(page);

  // Both dashboards show the trust product's status.
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await signIn(customer, DEMO_CUSTOMER);
  await customer.goto("/home");
  await expect(customer.getByTestId("registration-status").locator('[data-status="shaken-stir"]')).not.toHaveText("—");
  await customerContext.close();
});
