import { expect, test } from "@playwright/test";

import { alerts, attemptSignIn, DEMO_CUSTOMER, DEMO_STAFF, signIn, signOut, uniqueEmail } from "./support/fixtures";

test("staff admin signs in, sees the customers and staff navigation, and signs out", async ({ page }) => {
  await signIn(page, DEMO_STAFF);
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole("heading", { name: "Customers", exact: true })).toBeVisible();
  await expect(page.locator('a[href="/staff/customers/demo-org-acme"]')).toHaveText("Acme, Inc.");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Team" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Settings" })).toBeVisible();

  await signOut(page);
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fstaff/);
});

test("customer signs in to their home, without staff navigation, and signs out", async ({ page }) => {
  await signIn(page, DEMO_CUSTOMER);
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByText("Messaging registration for Acme, Inc.")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Customers" })).toHaveCount(0);

  await signOut(page);
  await page.goto("/home");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a wrong password is refused with a message and the email stays filled in", async ({ page }) => {
  await attemptSignIn(page, { email: DEMO_STAFF.email, password: "not-the-password" });
  await expect(alerts(page)).toHaveText("The email or password is not correct.");
  await expect(page.getByLabel("Email")).toHaveValue(DEMO_STAFF.email);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("after five failures the account is locked out with a clear message", async ({ page }) => {
  const email = uniqueEmail("locked");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await attemptSignIn(page, { email, password: `wrong-${attempt}` });
    await expect(alerts(page)).toHaveText("The email or password is not correct.");
  }
  await attemptSignIn(page, { email, password: "still-wrong" });
  await expect(alerts(page).first()).toContainText("Too many failed sign-in attempts. Try again in 15 minutes.");
});

test("signing in with an empty form shows messages next to the fields", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter an email address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
  await expect(page.getByLabel("Email")).toBeFocused();
});

test("the session cookie is HTTP-only and SameSite=Lax", async ({ page, context }) => {
  await signIn(page, DEMO_CUSTOMER);
  const session = (await context.cookies()).find((cookie) => cookie.name.endsWith("authjs.session-token"));
  expect(session).toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
  // The page's scripts cannot read it.
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
});
