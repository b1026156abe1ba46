import { expect, test } from "@playwright/test";

import { E2E } from "./support/e2e-env";
import { addCustomerAndAccept, DEMO_STAFF, signIn } from "./support/fixtures";
import { sandboxFor } from "./support/sandbox-state";
import { ACME, expectSaved, fillAll } from "./support/wizard";

test("staff ask for a change on one field; the customer sees it next to that field, fixes it and sends again", async ({
  page,
  browser,
}) => {
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, DEMO_STAFF);
  await addCustomerAndAccept(staff, page, "Changes Please Co");
  await fillAll(page, { ...ACME.business, businessName: "Changes Please Co" });
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByText("Sent for review").first()).toBeVisible();

  await staff.goto("/staff/reviews");
  await staff.getByRole("link", { name: "Changes Please Co" }).click();
  await staff.getByLabel("Field 1").selectOption({ label: "Business information: Website URL" });
  await staff.getByLabel("Comment 1").fill("This site does not load. Please give the site your customers visit.");
  await staff.getByRole("button", { name: "Send back to the customer" }).click();
  // The decision is made: the actions give way to the open comment (the page refreshes right away).
  await expect(staff.getByRole("region", { name: "Open comments" }).or(staff.getByText("Open comments"))).toBeVisible();
  await expect(
    staff.getByText("business.websiteUrl (staff): This site does not load.", { exact: false }),
  ).toBeVisible();
  await expect(staff.getByRole("button", { name: "Send back to the customer" })).toHaveCount(0);

  await page.goto("/onboarding/business");
  const note = page.getByTestId("review-note");
  await expect(note).toHaveText("Please fix: This site does not load. Please give the site your customers visit.");
  // The note is announced with the Website URL field.
  const describedBy = await page.getByLabel("Website URL").getAttribute("aria-describedby");
  expect(describedBy).toContain(await note.getAttribute("id"));
  await page.getByLabel("Website URL").fill("https://changes-please.example");
  await expectSaved(page);
  await page.goto("/onboarding/review");
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByText("Sent for review").first()).toBeVisible();
  await staffContext.close();
});

test("staff approve the demo application; the sandbox then holds exactly one of each resource for Acme, Inc., faults and all", async ({
  page,
}) => {
  // Twilio misbehaves on the way: a server error, and a brand created whose answer is lost.
  for (const fault of [
    { method: "POST", path: "/v1/EndUsers", status: 500, times: 1 },
    { method: "POST", path: "/v1/CustomerProfiles", status: "reset", times: 1 },
    { method: "POST", path: "/v1/a2p/BrandRegistrations", status: "reset-after", times: 1 },
  ]) {
    expect((await page.request.post(`${E2E.sandboxUrl}/__sandbox/faults`, { data: fault })).status()).toBe(200);
  }
  await signIn(page, DEMO_STAFF);
  await page.goto("/staff/reviews");
  await page.getByRole("link", { name: "Acme, Inc." }).click();
  await expect(page.getByRole("heading", { name: "Acme, Inc." })).toBeVisible();
  await page.getByRole("button", { name: "Approve and provision" }).click();
  // The decision is made: the actions give way to the provisioning that runs beyond this request,
  // and the page follows it without a reload.
  await expect(page.getByRole("button", { name: "Approve and provision" })).toHaveCount(0);
  await expect(page.getByTestId("provisioning-state")).toHaveText("Done", { timeout: 45_000 });
  await expect(page.getByTestId("provisioning-progress").getByText("brand", { exact: true })).toBeVisible();

  const found = await sandboxFor(page, "Acme, Inc.");
  expect(found.profiles).toHaveLength(1);
  expect(found.products).toHaveLength(1);
  expect(found.brands).toHaveLength(1);
  expect(found.services).toHaveLength(1);
  expect(found.brandFees).toHaveLength(1);
});

test("a status change made in the sandbox appears on the customer's home within one refetch interval, without a reload", async ({
  page,
}) => {
  const { query } = await import("./support/database");
  const profile = query<{ sid: string }>(
    `SELECT r.sid FROM "TwilioResource" r JOIN "OnboardingApplication" a ON a.id = r.applicationId WHERE a.organizationId = ? AND r.step = 'customer-profile'`,
    "demo-org-acme",
  )[0]!;
  await signIn(page, { email: "owner@acme.example", password: "customer-demo-pass" });
  const stage = page.getByTestId("approval-progress").locator('[data-stage="profile"]');
  await expect(stage).toHaveAttribute("data-state", "current");

  // Twilio approves the profile: its signed status callback reaches the portal, and the page follows.
  expect(
    (
      await page.request.post(`${E2E.sandboxUrl}/__sandbox/advance`, {
        data: { sid: profile.sid, outcome: "twilio-approved" },
      })
    ).status(),
  ).toBe(200);
  await expect(stage).toHaveAttribute("data-state", "done", { timeout: 7_000 });
  await expect(stage).toContainText("Approved");
});
