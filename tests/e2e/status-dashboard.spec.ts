import { expect, test, type Page } from "@playwright/test";

import { expectNoSeriousA11yViolations } from "./support/a11y";
import { E2E } from "./support/e2e-env";
import { addCustomerAndAccept, DEMO_CUSTOMER, DEMO_STAFF, signIn } from "./support/fixtures";
import { ACME, fillAll } from "./support/wizard";

/**
 * Runs after review.spec.ts: Acme, Inc. has been approved and provisioned, and Trust Hub has
 * approved its Customer Profile (its TrustProduct and brand are still pending).
 */
async function resourceSid(step: string): Promise<string> {
  const { query } = await import("./support/database");
  return query<{ sid: string }>(
    `SELECT r.sid FROM "TwilioResource" r JOIN "OnboardingApplication" a ON a.id = r.applicationId WHERE a.organizationId = ? AND r.step = ?`,
    "demo-org-acme",
    step,
  )[0]!.sid;
}

const markNoReload = (page: Page) =>
  page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
const stillSamePage = (page: Page) =>
  page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere === true);

test("the staff dashboard lists Acme, Inc. with its statuses, and a status change in the sandbox appears within one refetch interval without a reload", async ({
  page,
}) => {
  await signIn(page, DEMO_STAFF);
  await page.goto("/staff");
  // Other test customers typed Acme's business details too: the demo organization is the one linked here.
  const row = page
    .getByTestId("dashboard-table")
    .getByRole("row")
    .filter({ has: page.locator('a[href="/staff/customers/demo-org-acme"]') });
  await expect(row.locator('[data-column="stage"]')).toHaveText("Profile in review");
  await expect(row.locator('[data-column="profile"]')).toHaveText("Approved");
  await expect(row.locator('[data-column="trust-product"]')).toHaveText(/Submitted|In review/);
  await expect(row.locator('[data-column="brand"]')).toHaveText("Pending");
  await expect(
    page
      .getByTestId("stage-counts")
      .getByRole("link", { name: /^Profile in review/ })
      .locator("span")
      .last(),
  ).toHaveText("1");
  // Acme is the only customer Twilio has heard of so far.
  await expect(
    page
      .getByTestId("approval-funnel")
      .getByRole("listitem")
      .filter({ hasText: "Submitted to Twilio" })
      .locator("span")
      .last(),
  ).toHaveText("1");
  await expectNoSeriousA11yViolations(page);

  // Trust Hub approves the TrustProduct: its signed callback reaches the portal, the next refetch shows it.
  await markNoReload(page);
  expect(
    (
      await page.request.post(`${E2E.sandboxUrl}/__sandbox/advance`, {
        data: { sid: await resourceSid("trust-product"), outcome: "twilio-approved" },
      })
    ).status(),
  ).toBe(200);
  await expect(row.locator('[data-column="trust-product"]')).toHaveText("Approved", { timeout: 7_000 });
  await expect(row.locator('[data-column="stage"]')).toHaveText("Brand pending");

  // The Campaign Registry approves the brand: the Event Streams event reaches the portal, and the row follows.
  expect(
    (
      await page.request.post(`${E2E.sandboxUrl}/__sandbox/advance`, {
        data: { sid: await resourceSid("brand"), outcome: "APPROVED" },
      })
    ).status(),
  ).toBe(200);
  await expect(row.locator('[data-column="brand"]')).toHaveText("Approved", { timeout: 7_000 });
  await expect(row.locator('[data-column="identity"]')).toHaveText("Vetted and verified");
  await expect(row.locator('[data-column="score"]')).toHaveText("82");
  await expect(row.locator('[data-column="stage"]')).toHaveText("Brand approved");
  expect(await stillSamePage(page)).toBe(true);
});

test("staff search, filter and page the dashboard from the address bar", async ({ page }) => {
  await signIn(page, DEMO_STAFF);
  await page.goto("/staff");
  await page.getByLabel("Search", { exact: true }).fill("ACME");
  await page.getByLabel("Stage", { exact: true }).selectOption({ label: "Brand approved" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\/staff\?q=ACME&stage=brand-approved/);
  const rows = page.getByTestId("dashboard-table").locator("tbody tr");
  await expect(rows.first()).toContainText("Acme, Inc.");
  await expect(page.getByTestId("dashboard-table").locator('a[href="/staff/customers/demo-org-acme"]')).toBeVisible();
  expect(await rows.count()).toBeGreaterThan(0);
  for (const stage of await rows.locator('[data-column="stage"]').allTextContents())
    expect(stage).toBe("Brand approved");

  await page.getByLabel("Stage", { exact: true }).selectOption({ label: "Provisioning failed" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("No customer matches these filters.")).toBeVisible();
  // The filters survive a reload: they live in the address.
  await page.reload();
  await expect(page.getByLabel("Search", { exact: true })).toHaveValue("ACME");
  await expect(page.getByLabel("Stage", { exact: true })).toHaveValue("provisioning-failed");
  await page.getByRole("link", { name: "Clear" }).click();
  await expect(page).toHaveURL(/\/staff$/);
});

test("the customer's home shows their status, what happens next and the timeline; staff see the same on the customer page", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO_CUSTOMER);
  const status = page.getByTestId("registration-status");
  await expect(status.locator('[data-status="profile"]')).toHaveText("Approved");
  await expect(status.locator('[data-status="trust-product"]')).toHaveText("Approved");
  await expect(status.locator('[data-status="brand"]')).toHaveText("Approved");
  await expect(status.locator('[data-status="identity"]')).toHaveText("Vetted and verified");
  await expect(page.getByTestId("application-stage")).toContainText("Brand approved");
  await expect(page.getByTestId("next-step")).toContainText("Your brand is approved");
  await expect(page.getByTestId("next-step")).toContainText("Usual wait:");
  const timeline = page.getByTestId("timeline");
  for (const event of [
    "Sent for review by",
    "Approved by our team",
    "Secondary Customer Profile created at Twilio",
    "Brand registered with The Campaign Registry",
    "Secondary Customer Profile: Approved",
    "A2P TrustProduct: Approved",
    "BrandRegistration: Approved",
  ]) {
    await expect(timeline.getByText(event, { exact: false }).first(), event).toBeVisible();
  }
  await expect(timeline).not.toContainText("Demo Staff");
  await expectNoSeriousA11yViolations(page);

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, DEMO_STAFF);
  await staff.goto("/staff/customers/demo-org-acme");
  await expect(staff.getByTestId("timeline")).toContainText("Approved by Demo Staff");
  await expect(staff.getByTestId("timeline")).toContainText(await resourceSid("customer-profile"));
  await staffContext.close();
});

test("an evaluation failure on the customer's home says what to fix and links to the wizard field; a customer sees only their own organization", async ({
  page,
  browser,
}) => {
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, DEMO_STAFF);
  await addCustomerAndAccept(staff, page, "Mismatch Rep Co");
  await fillAll(
    page,
    { ...ACME.business, businessName: "Mismatch Rep Co" },
    { ...ACME.representatives.primary, lastName: "Mismatch" },
  );
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByText("Sent for review").first()).toBeVisible();

  await staff.goto("/staff/reviews");
  await staff.getByRole("link", { name: "Mismatch Rep Co" }).click();
  await staff.getByRole("button", { name: "Approve and provision" }).click();
  await expect(staff.getByTestId("provisioning-state")).toHaveText("Back with the customer", { timeout: 45_000 });
  await staffContext.close();

  await page.goto("/home");
  const failures = page.getByTestId("evaluation-failures");
  await expect(failures).toBeVisible();
  await expect(failures).toContainText("Twilio error");
  await expect(failures).toContainText("does not match");
  await page.getByRole("link", { name: "Fix Authorized representatives: Representative 1: Last Name" }).click();
  await expect(page).toHaveURL(/\/onboarding\/representatives\?field=representatives\.primary\.lastName$/);
  await expect(page.getByLabel("Last Name")).toBeFocused();
  await expect(page.getByLabel("Last Name")).toHaveValue("Mismatch");

  // Their own application only: Acme's status is "not found", the staff dashboard's data refused.
  const { query } = await import("./support/database");
  const acme = query<{ id: string }>(
    `SELECT id FROM "OnboardingApplication" WHERE organizationId = ?`,
    "demo-org-acme",
  )[0]!;
  expect((await page.request.get(`/api/applications/${acme.id}/status`)).status()).toBe(404);
  expect((await page.request.get(`/api/applications/${acme.id}/progress`)).status()).toBe(404);
  const dashboard = await page.request.get("/api/staff/dashboard?q=acme");
  expect(dashboard.status()).toBe(403);
  expect(await dashboard.text()).not.toContain("Acme");
});
