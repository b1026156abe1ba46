import { expect, test } from "@playwright/test";

import { DEFAULT_ACCOUNT_SID, PRIMARY_CUSTOMER_PROFILE_SID } from "../../sandbox/defaults";
import { E2E } from "./support/e2e-env";
import { DEMO_STAFF, signIn } from "./support/fixtures";

test("the settings page says the portal talks to the local Twilio sandbox, and never shows the token", async ({
  page,
}) => {
  await signIn(page, DEMO_STAFF);
  await page.goto("/staff/settings");
  await expect(page.getByTestId("twilio-mode")).toHaveText(`Local sandbox (${E2E.sandboxUrl})`);
  await expect(page.getByText(DEFAULT_ACCOUNT_SID)).toBeVisible();
  expect(await page.content()).not.toContain(E2E.serverEnv.TWILIO_AUTH_TOKEN!);
});

test("the sandbox beside the portal answers with its built-in ISV account", async ({ request }) => {
  const state = await request.get(`${E2E.sandboxUrl}/__sandbox/state`);
  expect(state.status()).toBe(200);
  const body = (await state.json()) as {
    accounts: { sid: string; resources: { CustomerProfiles: { sid: string; status: string }[] } }[];
  };
  expect(body.accounts[0]!.sid).toBe(DEFAULT_ACCOUNT_SID);
  // Other tests may have provisioned customers by now; the ISV's primary profile is always there.
  expect(
    body.accounts[0]!.resources.CustomerProfiles.find((profile) => profile.sid === PRIMARY_CUSTOMER_PROFILE_SID)
      ?.status,
  ).toBe("twilio-approved");
});

test("mock brands, turned on in Settings, are announced on every staff page until turned off", async ({ page }) => {
  await signIn(page, DEMO_STAFF);
  await page.goto("/staff/settings");
  await expect(page.getByTestId("mock-brands-banner")).toHaveCount(0);
  await page.getByLabel("Register mock brands (testing only)").check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  for (const path of ["/staff", "/staff/reviews", "/staff/settings"]) {
    await page.goto(path);
    await expect(page.getByTestId("mock-brands-banner"), path).toContainText("Mock brands are on");
  }
  await page.getByLabel("Register mock brands (testing only)").uncheck();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
  await page.goto("/staff");
  await expect(page.getByTestId("mock-brands-banner")).toHaveCount(0);
});
