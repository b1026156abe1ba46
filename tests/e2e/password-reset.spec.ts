import { expect, test } from "@playwright/test";

import { query } from "./support/database";
import { addCustomerAndAccept, alerts, attemptSignIn, DEMO_STAFF, linkIn, outbox, signIn } from "./support/fixtures";
import { putDraft } from "./support/server-actions";

test("forgot password: the emailed link sets a new password, the old one stops working and so do sessions signed in with it", async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO_STAFF);
  const context = await browser.newContext();
  const customer = await context.newPage();
  const { email, password } = await addCustomerAndAccept(page, customer, "Reset Testing LLC");
  // The customer stays signed in (with the old password) while someone resets it.
  const application = query<{ id: string; version: number }>(
    'SELECT a.id, a.version FROM "OnboardingApplication" a JOIN "Organization" o ON o.id = a.organizationId WHERE o.name = ?',
    "Reset Testing LLC",
  )[0]!;
  let version = application.version;
  const saveAsTheOldSession = () =>
    putDraft(customer.request, application.id, { expectedVersion: version++, draft: {}, currentStep: "business" });

  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  await visitor.goto("/sign-in");
  await visitor.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(visitor).toHaveURL(/\/forgot-password$/);
  await visitor.getByLabel("Email").fill(email);
  await visitor.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(visitor.getByRole("status").filter({ hasText: "If an account uses that address" })).toBeVisible();

  const mail = outbox()
    .filter((m) => m.to === email && m.subject === "Reset your password")
    .pop();
  expect(mail, "a reset mail in the outbox").toBeDefined();
  const link = linkIn(mail!.text);
  await visitor.goto(link);
  await visitor.getByLabel("New password", { exact: true }).fill("a completely new passphrase");
  await visitor.getByLabel("Confirm new password").fill("a completely new passphrase");
  // Seconds before the change the old session works (and the server has just decoded it, and
  // remembers the decoded session for a few seconds: lib/server/auth/recent-sessions.ts).
  expect((await saveAsTheOldSession()).text).toContain('"snapshot"');
  await visitor.getByRole("button", { name: "Set new password" }).click();
  await expect(visitor).toHaveURL(/\/sign-in\?reset=done/);
  await expect(visitor.getByText("Your password has been changed.")).toBeVisible();
  // Right after, the same session is refused: the guard checks the user's session version every time.
  const refused = await saveAsTheOldSession();
  expect(refused.status).toBe(401);
  expect(refused.text).toContain("Please sign in to continue.");
  await context.close();

  await attemptSignIn(visitor, { email, password });
  await expect(alerts(visitor)).toHaveText("The email or password is not correct.");
  await signIn(visitor, { email, password: "a completely new passphrase" });
  await expect(visitor).toHaveURL(/\/home$/);

  await visitor.goto(link);
  await expect(alerts(visitor)).toHaveText(/already been used/);
  await anonymous.close();
});

test("an unknown address gets the same answer and no mail", async ({ page }) => {
  const before = outbox().length;
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill("nobody-here@example.org");
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "If an account uses that address" })).toBeVisible();
  expect(outbox().length).toBe(before);
});
