import { expect, test, type Page } from "@playwright/test";

import { expectNoSeriousA11yViolations } from "./support/a11y";
import { query, setTimeInPast } from "./support/database";
import { E2E } from "./support/e2e-env";
import { addCustomerAndAccept, DEMO_STAFF, signIn } from "./support/fixtures";
import { advanceInSandbox } from "./support/sandbox-state";

/**
 * #29 lines 1 and 4, in the browser: staff buy a toll-free number for a customer; the customer
 * fills the verification by its labels (a missing answer refused next to its field, nothing typed
 * lost), staff approve, exactly one verification reaches the sandbox; the sandbox rejects it,
 * Twilio's reason appears next to the business name, the customer fixes it, staff approve again
 * and the same verification is edited at Twilio. Runs last: it adds a customer of its own.
 */
type SandboxVerification = { sid: string; tollfree_phone_number_sid: string; business_name: string; status: string };

async function verificationsFor(page: Page, phoneNumberSid: string): Promise<SandboxVerification[]> {
  const state = (await (await page.request.get(`${E2E.sandboxUrl}/__sandbox/state`)).json()) as {
    accounts: { resources: { TollfreeVerifications?: SandboxVerification[] } }[];
  };
  return state.accounts
    .flatMap((account) => account.resources.TollfreeVerifications ?? [])
    .filter((verification) => verification.tollfree_phone_number_sid === phoneNumberSid);
}

async function expectSaved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveText(/Saved/, { timeout: 15_000 });
}

test("toll-free verification: filled by its labels, approved, rejected by Twilio with the reason next to the field, fixed in place", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, DEMO_STAFF);
  const customer = await (await browser.newContext()).newPage();
  await addCustomerAndAccept(staff, customer, "Tollfree Browser Co");
  const [organization] = query<{ id: string }>('SELECT id FROM "Organization" WHERE name = ?', "Tollfree Browser Co");

  // Staff buy a toll-free number for the customer, its monthly price shown first.
  await staff.goto(`/staff/customers/${organization!.id}`);
  const search = staff.getByTestId("number-search");
  await search.getByLabel("Kind of number").selectOption("toll-free");
  await search.getByRole("button", { name: "Find numbers" }).click();
  await expect(search.getByText(/Each number costs 2\.15 USD a month/)).toBeVisible();
  const buy = search.getByRole("button", { name: /^Buy \(8\d\d\) 555-\d{4} for 2\.15 USD a month$/ }).first();
  const label = (await buy.getAttribute("aria-label"))!;
  const number = label.replace(/^Buy \((\d{3})\) (\d{3})-(\d{4}) .*$/, "+1$1$2$3");
  await buy.click();
  await expect(search.getByText(/Bought: 2\.15 USD a month/)).toBeVisible();
  const [{ phoneNumberSid }] = query<{ phoneNumberSid: string }>(
    'SELECT phoneNumberSid FROM "PhoneNumber" WHERE phoneNumber = ?',
    number,
  ) as [{ phoneNumberSid: string }];

  // The customer finds it under Toll-free and fills the verification by its labels.
  await customer.goto("/home");
  await customer.getByRole("link", { name: "Toll-free" }).click();
  await customer.getByRole("link", { name: `Verify ${number}` }).click();
  const form = customer.getByRole("form", { name: `Toll-free verification for ${number}` });
  await form.getByLabel("Business Name", { exact: true }).fill("Tollfree Browser Reject Co");
  await form.getByLabel("Business Website").fill("https://tollfree-browser.example");
  await form.getByLabel("Business Type").selectOption("PRIVATE_PROFIT");
  await form.getByLabel("Business Registration Authority").selectOption("EIN");
  await form.getByLabel("Business Registration Number").fill("123456789");
  await form.getByLabel("Business Registration Country").fill("US");
  await form.getByLabel("Street Address", { exact: true }).fill("1 Main Street");
  await form.getByLabel("City").fill("Springfield");
  await form.getByLabel("State, Province or Region").fill("IL");
  await form.getByLabel("Postal Code").fill("62701");
  await form.getByLabel("Country", { exact: true }).fill("US");
  await form.getByLabel("Contact First Name").fill("Terry");
  await form.getByLabel("Contact Last Name").fill("Free");
  await form.getByLabel("Contact Email").fill("terry@tollfree-browser.example");
  await form.getByLabel("Contact Phone").fill("+12175550100");
  await form.getByLabel("Notification Email").fill("alerts@tollfree-browser.example");
  await form.getByRole("group", { name: "Use Case Categories" }).getByLabel("Account notifications").check();
  await form
    .getByLabel("Use Case Summary")
    .fill("Order updates and delivery notices for customers who asked for texts at checkout on our website.");
  await form
    .getByLabel("Production Message Sample")
    .fill("Tollfree Browser Co: your order shipped. Reply STOP to stop.");
  await form.getByLabel("Message Volume").selectOption("1,000");
  await form.getByLabel("Opt-in Type").selectOption("WEB_FORM");
  await expectSaved(customer);

  // No opt-in image yet: refused next to that field; nothing typed is lost.
  await form.getByRole("button", { name: "Send for review" }).click();
  const images = form.getByLabel("Opt-in Image URLs");
  await expect(images).toHaveAttribute("aria-invalid", "true");
  await expect(images).toHaveAccessibleDescription(/Add at least one link to an image of your opt-in/);
  await expect(form.getByLabel("Use Case Summary")).toHaveValue(/Order updates/);
  await images.fill("https://tollfree-browser.example/opt-in.png");
  await expectSaved(customer);
  await form.getByRole("button", { name: "Send for review" }).click();
  await expect(customer.getByText("Sent for review")).toBeVisible();

  // Staff approve; exactly one verification reaches the sandbox.
  const [application] = query<{ id: string }>(
    'SELECT id FROM "OnboardingApplication" WHERE organizationId = ?',
    organization!.id,
  );
  await staff.goto("/staff/reviews");
  await expect(staff.getByText(`Toll-free ${number}`)).toBeVisible();
  await staff.goto(`/staff/applications/${application!.id}`);
  await staff.getByRole("button", { name: `Approve toll-free verification of ${number}` }).click();
  await expect(staff.getByText("Approved. It is being sent to Twilio.")).toBeVisible();
  await expect.poll(async () => (await verificationsFor(staff, phoneNumberSid)).length, { timeout: 30_000 }).toBe(1);
  const [sent] = await verificationsFor(staff, phoneNumberSid);
  expect(sent!.business_name).toBe("Tollfree Browser Reject Co");

  // The sandbox rejects it (the name does not match official records: 30484). A while later the
  // customer's page asks Twilio again and shows the reason next to the business name.
  await advanceInSandbox(staff, sent!.sid, "decide");
  setTimeInPast("TwilioResource", "updatedAt", 60_000, "sid = ?", sent!.sid);
  await customer.goto(`/toll-free?number=${phoneNumberSid}`);
  await expect(customer.getByText("Twilio did not approve this verification")).toBeVisible();
  const name = customer.getByLabel("Business Name", { exact: true });
  await expect(name).toHaveAccessibleDescription(
    /Business name and official records do not match \(Twilio error 30484\)/,
  );
  await expectNoSeriousA11yViolations(customer);

  // The customer fixes it and sends it again; staff approve; the same verification is edited.
  await name.fill("Tollfree Browser Co");
  await expectSaved(customer);
  await customer.getByRole("button", { name: "Send for review" }).click();
  await expect(customer.getByText("Sent for review")).toBeVisible();
  await staff.goto(`/staff/applications/${application!.id}`);
  await staff.getByRole("button", { name: `Approve toll-free verification of ${number}` }).click();
  await expect(staff.getByText("Approved. It is being sent to Twilio.")).toBeVisible();
  await expect
    .poll(async () => (await verificationsFor(staff, phoneNumberSid)).map((v) => [v.sid, v.business_name, v.status]), {
      timeout: 30_000,
    })
    .toEqual([[sent!.sid, "Tollfree Browser Co", "PENDING_REVIEW"]]);
});
