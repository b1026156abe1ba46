import { expect, test } from "@playwright/test";

import { addCustomerAndAccept, DEMO_STAFF, signIn } from "./support/fixtures";
import { advanceInSandbox, recordedSid, sandboxFor } from "./support/sandbox-state";
import { ACME, expectSaved, fillAll } from "./support/wizard";

// Runs after status-dashboard.spec.ts, whose counts assume Acme, Inc. is the only customer at Twilio.

const NAME = "Failing Florist Co";

const resourceSid = (step: string) => recordedSid(NAME, step);
const advance = advanceInSandbox;

test("a brand the Campaign Registry fails: the customer fixes the business name next to Twilio's error, staff approve, and the same single brand is resubmitted (one brand fee)", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await signIn(page, DEMO_STAFF);
  await addCustomerAndAccept(page, customer, NAME);
  await fillAll(customer, { ...ACME.business, businessName: NAME });
  await customer.getByRole("button", { name: "Send for review" }).click();
  await expect(customer.getByText("Sent for review").first()).toBeVisible();

  await page.goto("/staff/reviews");
  await page.getByRole("link", { name: NAME }).click();
  await expect(page.getByTestId("fee-notice")).toContainText("Brand registration: $4.00 once");
  await page.getByRole("button", { name: "Approve and provision" }).click();
  await expect(page.getByTestId("provisioning-state")).toHaveText("Done", { timeout: 45_000 });
  const brandSid = resourceSid("brand");

  // Trust Hub approves both bundles; TCR fails the brand (the sandbox fails names with "Fail").
  await advance(page, resourceSid("customer-profile"), "twilio-approved");
  await advance(page, resourceSid("trust-product"), "twilio-approved");
  await advance(page, brandSid, "decide");

  // The customer sees Twilio's error next to the field it names, with the resubmissions left.
  await customer.goto("/home");
  const status = customer.getByTestId("registration-status");
  await expect(status.locator('[data-status="brand"]')).toHaveText("Failed", { timeout: 15_000 });
  await expect(status.locator('[data-status="brand-attempts"]')).toHaveText("3 of 3 left");
  await expect(customer.getByTestId("application-stage")).toContainText("Brand failed");
  await customer.getByRole("link", { name: "Fix Business information: Business Name" }).first().click();
  await expect(customer).toHaveURL(/\/onboarding\/business\?field=business\.businessName$/);
  const businessName = customer.getByLabel("Business Name", { exact: true });
  await expect(businessName).toBeFocused();
  await expect(businessName.locator("..").getByTestId("review-note")).toContainText("does not match the records");
  await businessName.fill("Florist Flowers Co");
  await expectSaved(customer);
  await customer.goto("/onboarding/review");
  await customer.getByRole("button", { name: "Send for review" }).click();
  await expect(customer.getByText("Sent for review").first()).toBeVisible();

  // Staff are told what approving does, then approve: the same brand is resubmitted.
  await page.goto("/staff/reviews");
  await page.getByRole("link", { name: NAME }).click();
  await expect(page.getByTestId("fee-notice")).toContainText("Resubmits the same brand (attempt 1 of 3)");
  await page.getByRole("button", { name: "Approve and provision" }).click();
  await expect(page.getByTestId("provisioning-state")).toHaveText("Done", { timeout: 45_000 });

  const found = await sandboxFor(page, NAME);
  expect(found.brands.map((brand) => brand.sid)).toEqual([brandSid]);
  expect(found.brandFees).toHaveLength(1);
  const brand = found.brands[0] as unknown as { status: string };
  expect(brand.status).toBe("PENDING");

  // TCR verifies the fixed brand: the customer's home follows.
  await advance(page, brandSid, "decide");
  await customer.goto("/home");
  await expect(customer.getByTestId("registration-status").locator('[data-status="brand"]')).toHaveText("Approved", {
    timeout: 15_000,
  });
  await customerContext.close();
});
