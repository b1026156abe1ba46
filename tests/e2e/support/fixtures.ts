import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

import { E2E } from "./e2e-env";

export const DEMO_STAFF = { email: "staff@example.com", password: "staff-demo-pass" };
export const DEMO_CUSTOMER = { email: "owner@acme.example", password: "customer-demo-pass" };

/** Fills and sends the sign-in form; does not wait for the outcome. */
export async function attemptSignIn(page: Page, credentials: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in and waits until the portal has left the sign-in page. */
export async function signIn(page: Page, credentials: { email: string; password: string }) {
  await attemptSignIn(page, credentials);
  await expect(page).not.toHaveURL(/\/sign-in/);
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** Mails the server wrote to its outbox folder (MAIL_OUTBOX_DIR), newest last. */
export function outbox(): { to: string; subject: string; text: string }[] {
  let files: string[];
  try {
    files = readdirSync(E2E.outboxDir).sort();
  } catch {
    return [];
  }
  return files.map((file) => JSON.parse(readFileSync(path.join(E2E.outboxDir, file), "utf8")));
}

export function linkIn(text: string): string {
  const match = text.match(/https?:\/\/\S+/);
  if (!match) throw new Error(`no link in mail:\n${text}`);
  return match[0];
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.net`;
}

/** Alerts the page shows (Next.js's own empty route announcer also has role=alert). */
export function alerts(page: Page) {
  return page.locator('[role="alert"]:not(#__next-route-announcer__)');
}

/**
 * Staff (already signed in on `staffPage`) add a customer; the invitee accepts in `inviteePage`
 * and lands on their home. Returns the invitee's credentials.
 */
export async function addCustomerAndAccept(staffPage: Page, inviteePage: Page, organizationName: string) {
  const email = uniqueEmail("owner");
  const password = "invitee passphrase 1";
  await staffPage.goto("/staff/customers/new");
  await staffPage.getByLabel("Company name").fill(organizationName);
  await staffPage.getByLabel("Email of their first user").fill(email);
  await staffPage.getByRole("button", { name: "Create customer and invite" }).click();
  const link = await staffPage.getByTestId("invitation-link").inputValue();
  await inviteePage.goto(link);
  await inviteePage.getByLabel("Your name").fill("Invited Owner");
  await inviteePage.getByLabel("Password", { exact: true }).fill(password);
  await inviteePage.getByLabel("Confirm password").fill(password);
  await inviteePage.getByRole("button", { name: "Create account and sign in" }).click();
  await expect(inviteePage).toHaveURL(/\/home$/);
  return { email, password, link };
}

/**
 * Staff give a customer in the ISV's own account one of the account's unassigned numbers (#26: a
 * customer uses only its own numbers), on the customer's page. Returns the number as shown.
 */
export async function giveNumberTo(staffPage: Page, organizationId: string): Promise<string> {
  await staffPage.goto(`/staff/customers/${organizationId}`);
  const card = staffPage.getByTestId("organization-numbers");
  const give = card.getByRole("button", { name: /^Give \+\d+ to this customer$/ }).first();
  const label = (await give.getAttribute("aria-label"))!;
  const number = label.replace(/^Give (\+\d+) to this customer$/, "$1");
  await give.click();
  await expect(card.getByRole("button", { name: `Take ${number} back into your account's stock` })).toBeVisible();
  return number;
}
