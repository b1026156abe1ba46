import { expect, test } from "@playwright/test";

import { E2E } from "./support/e2e-env";
import { addCustomerAndAccept, DEMO_STAFF, signIn } from "./support/fixtures";
import { sandboxFor } from "./support/sandbox-state";
import { ACME, fillAll } from "./support/wizard";

// Runs after status-dashboard.spec.ts, whose counts assume Acme, Inc. is the only customer at Twilio.

test("a provisioning that Twilio stopped is retried by staff from the application page, without a duplicate", async ({
  page,
  browser,
}) => {
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await signIn(page, DEMO_STAFF);
  await addCustomerAndAccept(page, customer, "Retry Later Co");
  await fillAll(customer, { ...ACME.business, businessName: "Retry Later Co" });
  await customer.getByRole("button", { name: "Send for review" }).click();
  await expect(customer.getByText("Sent for review").first()).toBeVisible();
  await customerContext.close();

  // Twilio refuses the Messaging Service once, for good (a 400): the job stops.
  const fault = { method: "POST", path: "/v1/Services", status: 400, times: 1 };
  expect((await page.request.post(`${E2E.sandboxUrl}/__sandbox/faults`, { data: fault })).status()).toBe(200);
  await page.goto("/staff/reviews");
  await page.getByRole("link", { name: "Retry Later Co" }).click();
  await page.getByRole("button", { name: "Approve and provision" }).click();
  await expect(page.getByTestId("provisioning-state")).toHaveText("Stopped: needs attention", { timeout: 45_000 });
  await expect(page.getByRole("alert").filter({ hasText: "messaging-service" })).toContainText("20001");

  await page.getByRole("button", { name: "Retry provisioning" }).click();
  await expect(page.getByText("Provisioning queued again.")).toBeVisible();
  await expect(page.getByTestId("provisioning-state")).toHaveText("Done", { timeout: 45_000 });
  const found = await sandboxFor(page, "Retry Later Co");
  expect([found.profiles.length, found.products.length, found.services.length, found.brands.length]).toEqual([
    1, 1, 1, 1,
  ]);
  expect(found.brandFees).toHaveLength(1);
});
