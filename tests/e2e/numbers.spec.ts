import { expect, test } from "@playwright/test";

import { expectNoSeriousA11yViolations } from "./support/a11y";
import { query } from "./support/database";
import { addCustomerAndAccept, DEMO_STAFF, signIn } from "./support/fixtures";

/**
 * #26 line 1, as customers meet it: when the ISV allows it, a customer searches an area code on its
 * home page, sees the monthly price first and buys a number, which is its own at once and nobody
 * else's. The forms post before the page hydrates (here with JavaScript off altogether), keep the
 * area code typed when it is refused, and say why next to the field.
 */
test("a customer allowed to buy numbers buys one from its home page, JavaScript off; another customer never sees it", async ({
  browser,
}) => {
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, DEMO_STAFF);
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const buyer = await noScript.newPage();
  await addCustomerAndAccept(staff, await (await browser.newContext()).newPage(), "Number Buyer Co").then(
    async ({ email, password }) => {
      await buyer.goto("/sign-in");
      await buyer.getByLabel("Email").fill(email);
      await buyer.getByLabel("Password").fill(password);
      await buyer.getByRole("button", { name: "Sign in" }).click();
      await expect(buyer).toHaveURL(/\/home$/);
    },
  );
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await addCustomerAndAccept(staff, other, "Number Onlooker Co");

  // Not allowed yet: no search on the home page.
  await buyer.reload();
  await expect(buyer.getByTestId("number-search")).toHaveCount(0);
  await staff.goto("/staff/settings");
  await staff.getByLabel("Customers buy their own phone numbers").check();
  await staff.getByRole("button", { name: "Save settings" }).click();
  await expect(staff.getByText("Settings saved.")).toBeVisible();

  await buyer.reload();
  const search = buyer.getByTestId("number-search");
  await expect(buyer.getByText("You have no numbers yet.")).toBeVisible();
  // A wrong area code: refused next to the field, the typed value kept.
  await search.getByLabel("Area code").fill("12");
  await search.getByRole("button", { name: "Find numbers" }).click();
  await expect(search.getByLabel("Area code")).toHaveValue("12");
  await expect(search.getByText("Enter a three-digit US area code, such as 415.")).toBeVisible();
  await expect(search.getByLabel("Area code")).toHaveAttribute("aria-invalid", "true");

  await search.getByLabel("Area code").fill("312");
  await search.getByRole("button", { name: "Find numbers" }).click();
  await expect(search.getByText(/Each number costs 1\.15 USD a month/)).toBeVisible();
  expect(buyer.url()).not.toContain("312");
  const buy = search.getByRole("button", { name: /^Buy \(312\) 555-\d{4} for 1\.15 USD a month$/ }).first();
  const label = (await buy.getAttribute("aria-label"))!;
  const bought = label.replace(/^Buy \((\d{3})\) (\d{3})-(\d{4}) .*$/, "+1$1$2$3");
  await buy.click();
  await buyer.goto("/home");
  await expect(buyer.getByTestId("own-numbers")).toHaveText(bought);

  const [row] = query<{ origin: string; monthlyPrice: string; name: string }>(
    'SELECT p.origin, p.monthlyPrice, o.name FROM "PhoneNumber" p JOIN "Organization" o ON o.id = p.organizationId WHERE p.phoneNumber = ?',
    bought,
  );
  expect(row).toEqual({ origin: "bought", monthlyPrice: "1.15 USD a month", name: "Number Buyer Co" });

  // The other customer sees none of it, and staff see it under the buyer only.
  await other.goto("/home");
  await expect(other.getByText("You have no numbers yet.")).toBeVisible();
  await expect(other.getByText(bought)).toHaveCount(0);

  const [buyerOrganization] = query<{ id: string }>('SELECT id FROM "Organization" WHERE name = ?', "Number Buyer Co");
  await staff.goto(`/staff/customers/${buyerOrganization!.id}`);
  await expect(staff.getByTestId("organization-numbers").getByText(bought)).toBeVisible();
  await expectNoSeriousA11yViolations(staff);

  await staff.goto("/staff/settings");
  await staff.getByLabel("Customers buy their own phone numbers").uncheck();
  await staff.getByRole("button", { name: "Save settings" }).click();
  await expect(staff.getByText("Settings saved.")).toBeVisible();
});
