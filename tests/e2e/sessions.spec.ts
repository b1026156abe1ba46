import { expect, request, test, type Browser, type BrowserContext } from "@playwright/test";

import { query } from "./support/database";
import { E2E } from "./support/e2e-env";
import { addCustomerAndAccept, DEMO_STAFF, signIn, uniqueEmail } from "./support/fixtures";

/**
 * #26 line 5: sign-out ends the session at the server. A copy of the session cookie (taken before
 * signing out, as an attacker with a moment at the computer would) stops working after sign-out,
 * after "Sign out everywhere", after the person's role changes, and once the person is removed.
 */
async function copyOf(context: BrowserContext) {
  return request.newContext({ baseURL: E2E.baseUrl, storageState: await context.storageState() });
}

/** Whether a request context's cookie still opens a signed-in page (the home for customers). */
async function stillSignedIn(copy: Awaited<ReturnType<typeof copyOf>>, path: string) {
  const response = await copy.get(path, { maxRedirects: 0 });
  if (response.status() >= 300 && response.status() < 400) expect(response.headers().location ?? "").toMatch(/sign-in/);
  return response.status() === 200;
}

async function customer(browser: Browser, staff: BrowserContext, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const credentials = await addCustomerAndAccept(await staff.newPage(), page, name);
  return { context, page, credentials };
}

test("a copied cookie stops working once its browser signs out; another browser of the person stays signed in", async ({
  browser,
}) => {
  const staff = await browser.newContext();
  await signIn(await staff.newPage(), DEMO_STAFF);
  const { context, page, credentials } = await customer(browser, staff, "Session Copy Co");
  const other = await browser.newContext();
  await signIn(await other.newPage(), credentials);
  const copy = await copyOf(context);
  expect(await stillSignedIn(copy, "/home")).toBe(true);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await stillSignedIn(copy, "/home")).toBe(false);
  expect(await stillSignedIn(await copyOf(other), "/home")).toBe(true);
});

test("Sign out everywhere ends every browser's session", async ({ browser }) => {
  const staff = await browser.newContext();
  await signIn(await staff.newPage(), DEMO_STAFF);
  const { context, page, credentials } = await customer(browser, staff, "Session Everywhere Co");
  const other = await browser.newContext();
  await signIn(await other.newPage(), credentials);
  const copies = [await copyOf(context), await copyOf(other)];

  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  for (const copy of copies) expect(await stillSignedIn(copy, "/home")).toBe(false);
});

test("a role change and a removal end the person's sessions", async ({ browser }) => {
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, DEMO_STAFF);

  // A staff member made an administrator signs in again to take up the role.
  const email = uniqueEmail("session-staff");
  await adminPage.goto("/staff/team");
  await adminPage.getByLabel("Email").fill(email);
  await adminPage.getByRole("button", { name: "Invite staff member" }).click();
  const link = await adminPage.getByTestId("invitation-link").inputValue();
  const reviewer = await browser.newContext();
  const reviewerPage = await reviewer.newPage();
  await reviewerPage.goto(link);
  await reviewerPage.getByLabel("Your name").fill("Session Staff");
  await reviewerPage.getByLabel("Password", { exact: true }).fill("session staff passphrase");
  await reviewerPage.getByLabel("Confirm password").fill("session staff passphrase");
  await reviewerPage.getByRole("button", { name: "Create account and sign in" }).click();
  await expect(reviewerPage).toHaveURL(/\/staff$/);
  const reviewerCopy = await copyOf(reviewer);
  expect(await stillSignedIn(reviewerCopy, "/staff")).toBe(true);
  await adminPage.goto("/staff/team");
  await adminPage.getByRole("button", { name: "Make Session Staff an administrator" }).click();
  await expect(adminPage.getByRole("button", { name: "Make Session Staff staff" })).toBeVisible();
  expect(await stillSignedIn(reviewerCopy, "/staff")).toBe(false);

  // A removed customer user: gone, and so are its sessions.
  const { context } = await customer(browser, admin, "Session Removed Co");
  const copy = await copyOf(context);
  expect(await stillSignedIn(copy, "/home")).toBe(true);
  const { id } = query<{ id: string }>('SELECT id FROM "Organization" WHERE name = ?', "Session Removed Co")[0]!;
  await adminPage.goto(`/staff/customers/${id}`);
  await adminPage.getByRole("button", { name: "Remove Invited Owner" }).click();
  await expect(adminPage.getByText("Nobody has accepted an invitation yet.")).toBeVisible();
  expect(await stillSignedIn(copy, "/home")).toBe(false);
});
