import { expect, test } from "@playwright/test";

import { addCustomerAndAccept, alerts, DEMO_STAFF, outbox, signIn, signOut } from "./support/fixtures";

test("staff invite a customer; the customer accepts, sets a password and lands on their home page", async ({
  page,
}) => {
  await signIn(page, DEMO_STAFF);
  await page.goto("/staff/customers/new");
  await page.getByLabel("Company name").fill("Globex Corporation");
  await page.getByLabel("Email of their first user").fill("hank@globex.example");
  await page.getByRole("button", { name: "Create customer and invite" }).click();

  const link = await page.getByTestId("invitation-link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  // Sent by SMTP (the tests' local SMTP sink), and shown to copy as well.
  await expect(page.getByText("We emailed this link to them.")).toBeVisible();
  await expect.poll(() => outbox().find((mail) => mail.to === "hank@globex.example")?.text ?? "").toContain(link);
  await signOut(page);

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  await expect(page.getByText("You are invited to register Globex Corporation")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("hank@globex.example");

  // A mismatched confirmation is refused next to the field, and nothing typed is lost.
  await page.getByLabel("Your name").fill("Hank Scorpio");
  await page.getByLabel("Password", { exact: true }).fill("volcano lair 2026");
  await page.getByLabel("Confirm password").fill("volcano lair 2025");
  await page.getByRole("button", { name: "Create account and sign in" }).click();
  await expect(page.getByText("The two passwords do not match.")).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveValue("Hank Scorpio");

  await page.getByLabel("Confirm password").fill("volcano lair 2026");
  await page.getByRole("button", { name: "Create account and sign in" }).click();
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole("heading", { name: "Welcome, Hank Scorpio" })).toBeVisible();
  await expect(page.getByText("Messaging registration for Globex Corporation")).toBeVisible();

  // The link is single-use.
  await signOut(page);
  await page.goto(link);
  await expect(alerts(page)).toHaveText(
    "This invitation link has already been used. Sign in with your email and password instead.",
  );

  // And the new password works for a later sign-in.
  await signIn(page, { email: "hank@globex.example", password: "volcano lair 2026" });
  await expect(page).toHaveURL(/\/home$/);
});

test("a tampered invitation link is refused", async ({ page, browser }) => {
  await signIn(page, DEMO_STAFF);
  const inviteeContext = await browser.newContext();
  const invitee = await inviteeContext.newPage();
  const { link } = await addCustomerAndAccept(page, invitee, "Tampered Co");
  const token = link.split("/").pop()!;
  const tampered = link.slice(0, -token.length) + (token[0] === "A" ? "B" : "A") + token.slice(1);
  await invitee.goto(tampered);
  await expect(alerts(invitee)).toHaveText(/This invitation link is not valid/);
  await inviteeContext.close();
});

test("an admin invites a staff member who then signs in to the staff area", async ({ page, browser }) => {
  await signIn(page, DEMO_STAFF);
  await page.goto("/staff/team");
  await page.getByLabel("Email").fill("reviewer@isv.example");
  await page.getByRole("button", { name: "Invite staff member" }).click();
  const link = await page.getByTestId("invitation-link").inputValue();

  const context = await browser.newContext();
  const staffPage = await context.newPage();
  await staffPage.goto(link);
  await expect(staffPage.getByText("You are invited to join the portal as staff.")).toBeVisible();
  await staffPage.getByLabel("Your name").fill("Rita Reviewer");
  await staffPage.getByLabel("Password", { exact: true }).fill("reviewer passphrase");
  await staffPage.getByLabel("Confirm password").fill("reviewer passphrase");
  await staffPage.getByRole("button", { name: "Create account and sign in" }).click();
  await expect(staffPage).toHaveURL(/\/staff$/);
  // Staff, not admin: no Team or Settings.
  await expect(staffPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team" })).toHaveCount(0);
  await staffPage.goto("/staff/settings");
  await expect(staffPage).toHaveURL(/\/staff$/);
  await context.close();
});
