import { expect, test, type Page } from "@playwright/test";

import { expectNoSeriousA11yViolations } from "./support/a11y";
import { query } from "./support/database";
import { addCustomerAndAccept, DEMO_CUSTOMER, DEMO_STAFF, outbox, signIn } from "./support/fixtures";
import { ACME, expectSaved, fillAddress, fillBusiness, fillCompany, fillRepresentative, next } from "./support/wizard";

/** A customer of their own, so each test starts from an empty application. */
async function freshCustomer(page: Page, browser: import("@playwright/test").Browser, name: string) {
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, DEMO_STAFF);
  await addCustomerAndAccept(staff, page, name);
  await staffContext.close();
}

test.describe("bad input on each step", () => {
  test("is refused next to its field, keeps everything typed, and survives a reload", async ({ page, browser }) => {
    await freshCustomer(page, browser, "Bad Input LLC");
    await page.goto("/onboarding");
    await expect(page).toHaveURL(/\/onboarding\/business$/);

    await fillBusiness(page, { ...ACME.business, registrationNumber: "123" });
    await page.getByRole("button", { name: "Next" }).click();
    const number = page.getByLabel("Business Registration Number");
    await expect(number).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("An EIN has 9 digits, like 12-3456789.")).toBeVisible();
    await expect(number).toBeFocused();
    await expect(page).toHaveURL(/\/onboarding\/business$/);
    await expect(page.getByLabel("Business Name", { exact: true })).toHaveValue("Acme, Inc.");
    await expectSaved(page);

    // The invalid value was saved as typed: a reload brings it back with its message.
    await page.reload();
    await expect(page.getByLabel("Business Registration Number")).toHaveValue("123");
    await expect(page.getByLabel("Website URL")).toHaveValue("www.example.com");
    await expect(page.getByText("An EIN has 9 digits, like 12-3456789.")).toBeVisible();
    await page.getByLabel("Business Registration Number").fill("12-3456789");
    await next(page, "representatives");

    await fillRepresentative(page, { ...ACME.representatives.primary, phoneNumber: "12345", email: "jane-at-example" });
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByText("Enter an email address like name@company.com.")).toBeVisible();
    await expect(page.getByText("Enter a phone number that can be dialled in the chosen country")).toBeVisible();
    await expect(page.getByLabel("Email")).toBeFocused();
    await expect(page.getByLabel("First Name")).toHaveValue("Jane");
    await page.getByLabel("Email").fill(ACME.representatives.primary.email);
    await page.getByLabel("Phone Number", { exact: true }).fill(ACME.representatives.primary.phoneNumber);
    await next(page, "address");

    await fillAddress(page, { ...ACME.address, street: "PO Box 123" });
    await page.getByRole("button", { name: "Next" }).click();
    await expect(
      page.getByText("PO boxes are not accepted: enter the street address where your business is located."),
    ).toBeVisible();
    await expect(page.getByLabel("City")).toHaveValue("San Fransisco");
    await page.getByLabel("Street Address", { exact: true }).fill(ACME.address.street);
    await next(page, "company");

    await page.getByRole("radio", { name: /Public company/ }).check();
    await page.getByRole("radio", { name: /^Standard For most businesses/ }).check();
    await page.getByRole("button", { name: "Next" }).click();
    await expect(page.getByText("Choose the stock exchange your shares trade on.")).toBeVisible();
    await expect(page.getByText("Enter your stock ticker, like ACME.")).toBeVisible();

    // Back never loses input, even with errors on the page.
    await page.getByRole("button", { name: "Back" }).click();
    await expect(page).toHaveURL(/\/onboarding\/address$/);
    await expect(page.getByLabel("Street Address", { exact: true })).toHaveValue(ACME.address.street);
    await page.goto("/onboarding/company");
    await expect(page.getByRole("radio", { name: /Public company/ })).toBeChecked();

    // The step indicator shows what is done and what needs attention.
    const steps = page.getByRole("navigation", { name: "Registration steps" });
    await expect(steps.getByRole("link", { name: /Business information \(done\)/ })).toBeVisible();
    await expect(steps.getByRole("link", { name: /Company type \(current step, has errors\)/ })).toBeVisible();

    // The review lists what is missing and will not send.
    await page.goto("/onboarding/review");
    await expect(page.getByRole("alert").filter({ hasText: "Some answers need attention" })).toContainText(
      "Company type: Choose the stock exchange",
    );
  });
});

test("a save over a newer version (a second tab) is refused and the newer data offered", async ({ page, browser }) => {
  await freshCustomer(page, browser, "Two Tabs Co");
  const second = await page.context().newPage();
  await page.goto("/onboarding/business");
  await second.goto("/onboarding/business");

  await page.getByLabel("Business Name", { exact: true }).fill("Name from tab one");
  await expectSaved(page);
  await second.getByLabel("Business Name", { exact: true }).fill("Name from tab two");
  await expect(
    second.getByRole("status").filter({ hasText: "This application was changed somewhere else" }),
  ).toBeVisible();
  await expect(second.getByTestId("save-status")).toContainText("Not saved");
  const stored = query<{ draft: string }>(
    'SELECT a.draft FROM "OnboardingApplication" a JOIN "Organization" o ON o.id = a.organizationId WHERE o.name = ?',
    "Two Tabs Co",
  )[0]!;
  expect(JSON.parse(stored.draft).business.businessName).toBe("Name from tab one");

  await second.getByRole("button", { name: "Use the newer version" }).click();
  await expect(second.getByLabel("Business Name", { exact: true })).toHaveValue("Name from tab one");
});

test("every step passes axe-core without serious or critical violations, and fits a 360 px screen", async ({
  page,
  browser,
}) => {
  await freshCustomer(page, browser, "Accessible Co");
  await page.setViewportSize({ width: 360, height: 740 });
  for (const step of ["business", "representatives", "address", "company", "review"]) {
    await page.goto(`/onboarding/${step}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${step} scrolls sideways at 360 px`).toBeLessThanOrEqual(0);
  }
  // With errors shown too.
  await page.goto("/onboarding/business");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Enter your business's legal name.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("the keyboard alone fills a field and moves on", async ({ page, browser }) => {
  await freshCustomer(page, browser, "Keyboard Co");
  await page.goto("/onboarding/business");
  await page.getByLabel("Business Name", { exact: true }).focus();
  await page.keyboard.type("Keyboard Co");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("radio", { name: /We send messages to our own customers/ })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page.getByRole("radio", { name: /We send messages to our own customers/ })).toBeChecked();
});

test("the demo customer fills every step with the seeds' Acme, Inc. data, reloads midway, and sends it for review", async ({
  page,
}) => {
  await signIn(page, DEMO_CUSTOMER);
  await page.getByRole("link", { name: /Start your registration|Continue your registration/ }).click();
  await expect(page).toHaveURL(/\/onboarding\/business$/);

  await fillBusiness(page);
  await expectSaved(page);
  await next(page, "representatives");
  await fillRepresentative(page);
  await expectSaved(page);

  // A reload midway: everything is still there, on the same step.
  await page.reload();
  await expect(page.getByLabel("Last Name")).toHaveValue("Doe");
  await expect(page.getByLabel("Phone Number", { exact: true })).toHaveValue("(222) 555-7890");
  await page.goto("/onboarding");
  await expect(page).toHaveURL(/\/onboarding\/representatives$/);

  await next(page, "address");
  await fillAddress(page);
  await next(page, "company");
  await fillCompany(page);
  await next(page, "review");

  const review = page.getByRole("region", { name: "Business information" });
  await expect(review.getByText("Acme, Inc.")).toBeVisible();
  await expect(review.getByText("12-3456789")).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Authorized representatives" }).getByText("jdoe@example.com"),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Company type" }).getByText("NYSE")).toBeVisible();

  const mailsBefore = outbox().length;
  await page.getByRole("button", { name: "Send for review" }).click();
  await expect(page.getByText("Sent for review").first()).toBeVisible();
  const stored = query<{ status: string; draft: string }>(
    'SELECT status, draft FROM "OnboardingApplication" WHERE organizationId = ?',
    "demo-org-acme",
  )[0]!;
  expect(stored.status).toBe("SUBMITTED");
  expect(JSON.parse(stored.draft).address.street).toBe("1234 Market St");
  // Staff are told by a mail job (decision 0017): it leaves moments after the answer.
  await expect
    .poll(() =>
      outbox()
        .slice(mailsBefore)
        .some((mail) => mail.subject === "Acme, Inc. sent their registration for review"),
    )
    .toBe(true);

  // Now read-only.
  await page.goto("/onboarding/business");
  await expect(page.getByLabel("Business Name", { exact: true })).toBeDisabled();
  await expect(page.getByText("Our team is reviewing it")).toBeVisible();
});

test("a lost connection shows 'Not saved — Retry', Retry saves, and leaving with unsaved changes warns", async ({
  page,
  browser,
}) => {
  await freshCustomer(page, browser, "Flaky Network Co");
  await page.goto("/onboarding/business");
  // Cut the connection for the autosave (a PUT to the draft's route; the page itself stays loaded).
  await page.route("**/api/applications/*/draft", (route) => route.abort("internetdisconnected"));
  await page.getByLabel("Business Name", { exact: true }).fill("Offline Draft Ltd");
  await expect(page.getByTestId("save-status")).toContainText("Not saved — Retry");
  await page.unroute("**/api/applications/*/draft");
  await page.getByRole("button", { name: "Retry" }).click();
  await expectSaved(page);
  const stored = query<{ draft: string }>(
    'SELECT a.draft FROM "OnboardingApplication" a JOIN "Organization" o ON o.id = a.organizationId WHERE o.name = ?',
    "Flaky Network Co",
  )[0]!;
  expect(JSON.parse(stored.draft).business.businessName).toBe("Offline Draft Ltd");

  await page.getByLabel("Website URL").fill("www.offline.example");
  const dialogShown = page.waitForEvent("dialog");
  await page.close({ runBeforeUnload: true });
  const dialog = await dialogShown;
  expect(dialog.type()).toBe("beforeunload");
  // Leave anyway, so the page closes cleanly.
  await dialog.accept();
  await expect.poll(() => page.isClosed()).toBe(true);
});

test("text typed before the page hydrates is kept and saved, not overwritten", async ({ page, browser }) => {
  await freshCustomer(page, browser, "Slow Network LLC");
  // Hold back the page's scripts, as a slow first load would (its stylesheet comes, as the first
  // paint needs it).
  let release!: () => void;
  const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    await scriptsHeld;
    await route.continue();
  });
  await page.goto("/onboarding/business", { waitUntil: "commit" });
  await page.getByLabel("Business Name", { exact: true }).fill("Typed Early, Inc.");
  await page.getByLabel("Website URL").fill("www.typed-early.example");
  // A choice and a pick are kept too, not only text.
  await page.getByRole("radio", { name: /We send messages to our own customers/ }).check();
  await page.getByLabel("Business Type").selectOption("Partnership");
  release();
  await expectSaved(page);
  await expect(page.getByLabel("Business Name", { exact: true })).toHaveValue("Typed Early, Inc.");
  await page.unroute("**/_next/static/chunks/*.js");
  await page.reload();
  await expect(page.getByLabel("Business Name", { exact: true })).toHaveValue("Typed Early, Inc.");
  await expect(page.getByLabel("Website URL")).toHaveValue("www.typed-early.example");
  await expect(page.getByRole("radio", { name: /We send messages to our own customers/ })).toBeChecked();
  await expect(page.getByLabel("Business Type")).toHaveValue("Partnership");
});

test("the form's code loads at the first touch; before it, the page shows the saved answers and what needs fixing", async ({
  page,
  browser,
}) => {
  await freshCustomer(page, browser, "First Touch LLC");
  await page.goto("/onboarding/business");
  await fillBusiness(page, { ...ACME.business, registrationNumber: "123" });
  await expectSaved(page);

  // Every script of a fresh load, until the network is idle: react-hook-form is not among them.
  const scripts: Promise<string>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push(response.text().catch(() => ""));
  });
  await page.reload({ waitUntil: "networkidle" });
  const formLibraryLoaded = async () => (await Promise.all(scripts)).some((text) => text.includes("HookFormContext"));
  expect(await formLibraryLoaded()).toBe(false);
  // The server drew the saved answers, the choices among them, and the saved check's message.
  await expect(page.getByLabel("Business Name", { exact: true })).toHaveValue(ACME.business.businessName);
  await expect(page.getByRole("radio", { name: /We send messages to our own customers/ })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /USA and Canada/ })).toBeChecked();
  await expect(page.getByLabel("Business Type")).toHaveValue(ACME.business.businessType);
  await expect(page.getByText("An EIN has 9 digits, like 12-3456789.")).toBeVisible();

  // A click on Next as the very first touch is held until the form's code runs, then made.
  await page.getByLabel("Business Registration Number").fill("12-3456789");
  await next(page, "representatives");
  await page.goto("/onboarding/business", { waitUntil: "networkidle" });
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/\/onboarding\/representatives$/);
  expect(await formLibraryLoaded()).toBe(true);
});

test("without JavaScript the wizard still shows the saved answers", async ({ page, browser }) => {
  await freshCustomer(page, browser, "No Script LLC");
  await page.goto("/onboarding/business");
  await fillBusiness(page);
  await expectSaved(page);
  const noScript = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const plain = await noScript.newPage();
  await plain.goto("/onboarding/business");
  await expect(plain.getByLabel("Business Name", { exact: true })).toHaveValue(ACME.business.businessName);
  await expect(plain.getByLabel("Business Type")).toHaveValue(ACME.business.businessType);
  await expect(plain.getByLabel("Website URL")).toHaveValue(ACME.business.websiteUrl);
  await noScript.close();
});
