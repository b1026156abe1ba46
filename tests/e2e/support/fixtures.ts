import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { E2E } from "./e2e-env";

export const DEMO_STAFF = { email: "staff@example.com", password: "staff-demo-pass" };
export const DEMO_CUSTOMER = { email: "owner@acme.example", password: "customer-demo-pass" };

export async function signIn(page: Page, credentials: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
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
