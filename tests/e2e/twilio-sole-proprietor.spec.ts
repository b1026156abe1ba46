import { expect, test } from "@playwright/test";

import { expectNoSeriousA11yViolations } from "./support/a11y";
import { setTimeInPast } from "./support/database";
import { addCustomerAndAccept, DEMO_STAFF, signIn } from "./support/fixtures";
import { advanceInSandbox, recordedSid, sandboxFor } from "./support/sandbox-state";
import { expectSaved, next } from "./support/wizard";

// #13 line 2: a customer without a tax ID registers a Sole Proprietor brand and verifies it by the
// one-time code texted to their mobile.

const NAME = "Jo Walks Dogs";

const resourceSid = (step: string) => recordedSid(NAME, step);
const advance = advanceInSandbox;

test("a sole proprietor fills only Twilio's Sole Proprietor fields, staff approve, and the customer's home shows the one-time code's window, sends it again and turns Verified", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const customer = await (await browser.newContext()).newPage();
  await signIn(page, DEMO_STAFF);
  await addCustomerAndAccept(page, customer, NAME);

  // No tax ID: the business step asks for the brand name and vertical, nothing else.
  await customer.goto("/onboarding/business");
  await customer.getByRole("radio", { name: /No, I am a sole proprietor without one/ }).check();
  await expect(customer.getByLabel("Business Registration Number")).toHaveCount(0);
  await expect(customer.getByLabel("Website URL")).toHaveCount(0);
  await customer.getByLabel("Brand Name").fill(NAME);
  await customer.getByLabel("Vertical (optional)").selectOption("PROFESSIONAL");
  await next(customer, "representatives");

  // Only the contact; a number outside the US and Canada is not offered, a bad one explained.
  await expect(customer.getByLabel("Business Title")).toHaveCount(0);
  await customer.getByLabel("First Name").fill("Jo");
  await customer.getByLabel("Last Name").fill("Walker");
  await customer.getByLabel("Email").fill("jo@example.com");
  await customer.getByLabel("Mobile Phone Country").selectOption("US");
  const mobile = customer.getByLabel("Mobile Phone Number");
  await mobile.fill("12345");
  await mobile.blur();
  await expect(customer.getByText("Enter a mobile number that can receive text messages")).toBeVisible();
  await mobile.fill("(415) 555-0142");
  await expectNoSeriousA11yViolations(customer);
  await next(customer, "address");

  await customer.getByLabel("Business Name on the Address").fill("Jo Walker");
  await customer.getByLabel("Country").selectOption("US");
  await customer.getByLabel("Street Address", { exact: true }).fill("12 Elm St");
  await customer.getByLabel("City").fill("Springfield");
  await customer.getByLabel("State / Province / Region").selectOption("IL");
  await customer.getByLabel("Postal Code").fill("62701");
  await next(customer, "company");
  await expect(customer.getByRole("heading", { name: "Sole Proprietor brand" })).toBeVisible();
  await next(customer, "review");
  await expectSaved(customer);
  await expect(customer.getByText("Sole Proprietor", { exact: true })).toBeVisible();
  await customer.getByRole("button", { name: "Send for review" }).click();
  await expect(customer.getByText("Sent for review").first()).toBeVisible();

  await page.goto("/staff/reviews");
  await page.getByRole("link", { name: NAME }).click();
  await page.getByRole("button", { name: "Approve and provision" }).click();
  await expect(page.getByTestId("provisioning-state")).toHaveText("Done", { timeout: 45_000 });
  const found = await sandboxFor(page, NAME);
  expect(found.brands).toHaveLength(1);
  expect(found.brands[0]).toMatchObject({ brand_type: "SOLE_PROPRIETOR" });
  expect(found.profiles[0]).toMatchObject({ policy_sid: "RN806dd6cd175f314e1f96a9727ee271f4" });
  expect(found.products[0]).toMatchObject({ policy_sid: "RN670d5d2e282a6130ae063b234b6019c8" });

  // Created, the brand is PENDING: Twilio has texted nothing yet, so the home shows no code.
  await customer.goto("/home");
  await expect(customer.getByTestId("brand-verification")).toHaveCount(0);
  // Trust Hub approves both bundles and the brand is APPROVED with identity UNVERIFIED: that is
  // when Twilio texts the code (walkthrough §3.1), and when its 24-hour window starts.
  await advance(page, resourceSid("customer-profile"), "twilio-approved");
  await advance(page, resourceSid("trust-product"), "twilio-approved");
  await advance(page, resourceSid("brand"), "decide");
  const card = customer.getByTestId("brand-verification");
  await expect(async () => {
    await customer.reload();
    await expect(card).toContainText("Waiting for you", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(card).toContainText("+14155550142");
  await expectNoSeriousA11yViolations(customer);
  await card.getByRole("button", { name: "Send the code again" }).click();
  await expect(card).toContainText("less than a minute ago");
  // Two minutes pass: the code goes out again through Twilio's SmsOtp.
  setTimeInPast(
    "BrandVerification",
    "sentAt",
    120_000,
    `applicationId = (SELECT a.id FROM "OnboardingApplication" a JOIN "Organization" o ON o.id = a.organizationId WHERE o.name = ?)`,
    NAME,
  );
  await customer.reload();
  await card.getByRole("button", { name: "Send the code again" }).click();
  await expect(card).toContainText("A new code is on its way");
  await expect(card).toContainText("sent 2 times");

  // The owner replies YES: the brand stays APPROVED and its identity is verified.
  await advance(page, resourceSid("brand"), "otp-verified");
  await expect(async () => {
    await customer.reload();
    await expect(customer.getByTestId("brand-verification")).toContainText("Verified", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(customer.getByRole("button", { name: "Send the code again" })).toHaveCount(0);
});
