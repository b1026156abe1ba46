import { expect, test } from "@playwright/test";

import { seedExistingIsv } from "@/sandbox/seeds/existing-isv";

import { query } from "./support/database";
import { E2E } from "./support/e2e-env";
import { DEMO_STAFF, signIn } from "./support/fixtures";

/**
 * #28 line 1 in a browser: customers an ISV registered before the portal (the sandbox's existing-ISV
 * state, built into the browser tests' sandbox with only its own resources decided) are scanned
 * read-only, confirmed by staff (a wrong correction refused next to its field) and brought in.
 *
 * The last of the browser tests (files run in name order, one worker): the customers it brings in
 * are registered customers, and status-dashboard.spec.ts counts the dashboard's funnel exactly.
 */
test("the adoption scan reads what Twilio holds, changing nothing; staff confirm, and the customers found are brought in as Twilio holds them", async ({
  page,
}) => {
  test.setTimeout(180_000);
  // Two customers the ISV registered before the portal (the sandbox's existing-ISV state): one in
  // the ISV's account with a verified campaign, one in a subaccount of its own whose brand failed.
  const tag = `E2E${Date.now().toString(36)}`;
  const seeded = await seedExistingIsv(E2E.sandboxUrl, { count: 2, tag, settle: "each" });
  const organizationsBefore = query<{ n: number }>('SELECT COUNT(*) AS n FROM "Organization"')[0]!.n;
  await signIn(page, DEMO_STAFF);
  await page.goto("/staff/adoption");
  await page.getByRole("button", { name: "Scan Twilio" }).click();
  // The page follows the scan on its own until every account is read.
  const found = page.getByRole("table", { name: "Customers found at Twilio" });
  await expect(found).toBeVisible({ timeout: 60_000 });
  await expect(page.getByLabel("Latest scan")).toContainText(/Read (\d+) of \1 accounts/);
  expect(query<{ n: number }>('SELECT COUNT(*) AS n FROM "Organization"')[0]!.n).toBe(organizationsBefore);

  // What the portal provisioned itself is already in; anything else found besides the two is left out here.
  for (const select of await found.locator("select").all()) {
    const label = (await select.getAttribute("aria-label")) ?? "";
    await select.selectOption(label.includes(tag) ? "new" : "leave");
  }
  // A correction to a customer that does not exist is refused next to its field; every choice stays.
  const first = seeded[0]!.businessName;
  await found.getByRole("combobox", { name: `What to do with ${first}` }).selectOption("other");
  await found.getByLabel(`Another customer for ${first}`).fill("Nobody By This Name");
  await page.getByRole("button", { name: "Bring these customers in" }).click();
  await expect(found.getByText("No customer without a registration has this name.")).toBeVisible();
  await expect(found.getByRole("combobox", { name: `What to do with ${first}` })).toHaveValue("other");
  await expect(found.getByLabel(`Another customer for ${first}`)).toHaveValue("Nobody By This Name");
  await found.getByRole("combobox", { name: `What to do with ${first}` }).selectOption("new");
  await page.getByRole("button", { name: "Bring these customers in" }).click();
  await expect(page.getByText(/^2 customers are being brought in;/)).toBeVisible();
  await expect(page.getByLabel("Latest scan")).toContainText("2 brought in", { timeout: 60_000 });
  for (const customer of seeded) {
    await expect(found.getByRole("row", { name: new RegExp(customer.businessName) })).toContainText("Brought in");
  }
  expect(query<{ n: number }>('SELECT COUNT(*) AS n FROM "Organization"')[0]!.n).toBe(organizationsBefore + 2);

  // The failed brand shows as failed on its customer's page, next to what Twilio said.
  const failing = seeded.find((customer) => customer.shape === "failed-brand")!;
  await found
    .getByRole("row", { name: new RegExp(failing.businessName) })
    .getByRole("link", { name: "Brought in" })
    .click();
  await expect(page.getByRole("heading", { name: failing.businessName })).toBeVisible();
  await expect(page.getByText(/Brought in from Twilio/).first()).toBeVisible();
  expect(
    query<{ brandStatus: string }>(
      `SELECT "brandStatus" FROM "OnboardingApplication" a JOIN "Organization" o ON o.id = a."organizationId" WHERE o.name = '${failing.businessName}'`,
    )[0]!.brandStatus,
  ).toBe("FAILED");
});
