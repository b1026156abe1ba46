import { expect, test, type Page } from "@playwright/test";

import { expectNoSeriousA11yViolations } from "./support/a11y";
import { query } from "./support/database";
import { E2E } from "./support/e2e-env";
import { DEMO_CUSTOMER, DEMO_STAFF, giveNumberTo, outbox, signIn } from "./support/fixtures";

/**
 * Runs after status-dashboard.spec.ts, which leaves Acme, Inc. with an approved brand and its
 * Messaging Service: the campaign step is open. The customer writes the campaign by its labels,
 * staff send it back once and then approve it, and exactly one campaign reaches the sandbox.
 */
type SandboxCampaign = { sid: string; messaging_service_sid: string; campaign_status: string };

function acmeResource(step: string): { sid: string; accountSid: string } {
  return query<{ sid: string; accountSid: string }>(
    `SELECT r.sid, r.accountSid FROM "TwilioResource" r JOIN "OnboardingApplication" a ON a.id = r.applicationId WHERE a.organizationId = ? AND r.step = ?`,
    "demo-org-acme",
    step,
  )[0]!;
}

async function sandboxCampaigns(page: Page): Promise<SandboxCampaign[]> {
  const service = acmeResource("messaging-service");
  const state = (await (await page.request.get(`${E2E.sandboxUrl}/__sandbox/state`)).json()) as {
    accounts: { sid: string; resources: { Usa2p?: SandboxCampaign[] } }[];
  };
  return state.accounts
    .flatMap((account) => account.resources.Usa2p ?? [])
    .filter((campaign) => campaign.messaging_service_sid === service.sid);
}

const CAMPAIGN = {
  description:
    "Acme sends order and delivery notifications to customers who bought from our online store and asked for texts.",
  messageFlow:
    "Customers opt in at checkout on https://acme.example/checkout by ticking a box for order texts. Message and data rates may apply. Message frequency varies. Reply HELP for help.",
  sample1: "Acme: your order [order number] has shipped and arrives on [date].",
  sample2: "Acme: your package is out for delivery today.",
};

test("the customer writes the campaign from their home page, staff send it back once and then approve it, and exactly one campaign reaches the sandbox and is verified live", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  expect(await sandboxCampaigns(page)).toHaveLength(0);

  // The customer was emailed when the brand was approved, with a link to the campaign step.
  // (A mail job: polled, as it leaves moments after the news.)
  await expect
    .poll(
      () =>
        outbox().find(
          (mail) =>
            mail.to === DEMO_CUSTOMER.email && mail.subject === "Your brand is approved: describe your messages",
        )?.text ?? "",
    )
    .toContain(`${E2E.baseUrl}/campaign`);

  // The home page says the campaign step is open and links to it.
  await signIn(page, DEMO_CUSTOMER);
  await page.goto("/home");
  await expect(page.getByTestId("campaign-summary")).toContainText("Your brand is approved");
  await page.getByRole("link", { name: "Write your campaign" }).click();
  await expect(page).toHaveURL(/\/campaign$/);

  // Use Case from Twilio's list for the brand, with its description.
  await page.getByLabel("Use Case").selectOption("ACCOUNT_NOTIFICATION");
  await expect(page.getByTestId("use-case-description")).toContainText("reminders, alerts, and notifications");

  // A hard limit shows next to its field as soon as the customer leaves it.
  await page.getByLabel("Description", { exact: true }).fill("Order texts.");
  await page.getByLabel("Message Flow").focus();
  await expect(page.getByText("Description needs at least 40 characters.")).toBeVisible();
  await page.getByLabel("Description", { exact: true }).fill(CAMPAIGN.description);
  await page.getByLabel("Message Flow").fill(CAMPAIGN.messageFlow);
  await page.getByLabel("Sample Message 1", { exact: true }).fill(CAMPAIGN.sample1);
  await page.getByLabel("Sample Message 2", { exact: true }).fill(CAMPAIGN.sample2);
  await page.getByLabel("Privacy Policy URL").fill("http://acme.example/privacy");

  // The pre-submission review's advice sits next to the field it concerns.
  const sample1Advice = page.getByLabel("Sample Message 1", { exact: true }).locator("..").getByTestId("field-advice");
  await expect(sample1Advice).toContainText("Add opt-out language");
  await expect(sample1Advice).toContainText("30893");
  const privacyAdvice = page.getByLabel("Privacy Policy URL").locator("..").getByTestId("field-advice");
  await expect(privacyAdvice).toContainText("https address");
  await page.getByLabel("Sample Message 2", { exact: true }).fill(`${CAMPAIGN.sample2} Reply STOP to opt out.`);
  await expect(sample1Advice).toHaveCount(0);

  // Saved as typed: a reload keeps every answer.
  await expect(page.getByTestId("save-status")).toContainText("Saved");
  await page.reload();
  await expect(page.getByLabel("Message Flow")).toHaveValue(CAMPAIGN.messageFlow);
  await expect(page.getByLabel("Use Case")).toHaveValue("ACCOUNT_NOTIFICATION");
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("button", { name: "Send campaign for review" }).click();
  await expect(page.getByText("Sent for review").first()).toBeVisible();

  await expect
    .poll(() => outbox().some((mail) => mail.subject === "Acme, Inc. sent their A2P campaign for review"))
    .toBe(true);

  // Staff find it in the review queue, with the finding next to its field and the fee it will cost.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, DEMO_STAFF);
  await staff.goto("/staff/reviews");
  await expect(staff.getByText(/Campaign · sent/)).toBeVisible();
  await staff
    .getByRole("listitem")
    .filter({ hasText: "Campaign · sent" })
    .getByRole("link", { name: "Acme, Inc." })
    .click();
  const review = staff.getByTestId("campaign-review");
  await expect(review).toContainText(CAMPAIGN.messageFlow);
  await expect(review.getByTestId("campaign-finding")).toHaveCount(1);
  await expect(review.getByTestId("campaign-finding")).toContainText("https address");
  await expectNoSeriousA11yViolations(staff);

  // Sent back with a comment on one field: the customer sees it next to that field.
  await staff.getByLabel("Field 1").selectOption({ label: "Sample Message 2" });
  await staff.getByLabel("Comment 1").fill("Say what is out for delivery: name the order.");
  await staff.getByRole("button", { name: "Send back to the customer" }).click();
  await expect(staff.getByTestId("campaign-status")).toHaveText("Changes requested");
  await expect(staff.getByRole("button", { name: "Approve campaign" })).toHaveCount(0);

  await page.goto("/campaign");
  await expect(page.getByText("Please update your campaign")).toBeVisible();
  const note = page.getByLabel("Sample Message 2", { exact: true }).locator("..").getByTestId("review-note");
  await expect(note).toContainText("name the order");
  await page
    .getByLabel("Sample Message 2", { exact: true })
    .fill("Acme: order [order number] is out for delivery today. Reply STOP to opt out.");
  await expect(page.getByTestId("save-status")).toContainText("Saved");
  await page.getByRole("button", { name: "Send campaign for review" }).click();
  await expect(page.getByText("Sent for review").first()).toBeVisible();

  // Approving over a finding needs a reason; then exactly one campaign is created at Twilio.
  await staff.reload();
  // A colleague has the same page open.
  const colleague = await staffContext.newPage();
  await colleague.goto(staff.url());
  await expect(staff.getByTestId("fee-notice").filter({ hasText: "Campaign vetting" })).toContainText("$15.00");
  await staff.getByRole("button", { name: "Approve campaign" }).click();
  await expect(staff.getByText(/likely cause of rejection: request changes, or give your reason/)).toBeVisible();
  await staff
    .getByLabel("Reason to approve despite the findings")
    .fill("Their privacy page redirects to https; checked by hand.");
  await staff.getByRole("button", { name: "Approve campaign" }).click();
  await expect(staff.getByText("Campaign approved. It is being registered with Twilio.")).toBeVisible();
  await expect.poll(async () => (await sandboxCampaigns(page)).length, { timeout: 45_000 }).toBe(1);
  // The colleague's approval on the stale page creates nothing more.
  await colleague
    .getByLabel("Reason to approve despite the findings")
    .fill("Their privacy page redirects to https; checked by hand.");
  await colleague.getByRole("button", { name: "Approve campaign" }).click();
  await expect(colleague.getByText("Already approved by a colleague.")).toBeVisible();

  // The Campaign Registry verifies it: the customer's home shows it without a reload.
  await page.goto("/home");
  const status = page.getByTestId("registration-status");
  await expect(status.locator('[data-status="campaign"]')).toHaveText(/Pending|In review/, { timeout: 20_000 });
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
  const [campaign] = await sandboxCampaigns(page);
  expect(
    (
      await page.request.post(`${E2E.sandboxUrl}/__sandbox/advance`, {
        data: { sid: campaign!.sid, outcome: "VERIFIED" },
      })
    ).status(),
  ).toBe(200);
  await expect(status.locator('[data-status="campaign"]')).toHaveText("Verified", { timeout: 15_000 });
  await expect(page.getByTestId("application-stage")).toContainText("Campaign verified");
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  expect(await sandboxCampaigns(page)).toHaveLength(1);
  await expect
    .poll(() => outbox().some((mail) => mail.to === DEMO_CUSTOMER.email && /campaign is verified/.test(mail.subject)))
    .toBe(true);

  // Staff give Acme one of the ISV account's numbers (a customer uses only its own), then add it as a
  // sender: it registers for A2P on its own under the verified campaign (Twilio's number-registration
  // events: pending, then successful), shown on both pages.
  const applicationPage = staff.url();
  const firstNumber = await giveNumberTo(staff, "demo-org-acme");
  await staff.goto(applicationPage);
  const senders = staff.getByTestId("sender-numbers");
  await expect(senders.getByRole("listitem")).toHaveCount(1);
  await senders.getByRole("button", { name: `Add ${firstNumber} to the sender pool` }).click();
  await expect(senders.getByRole("listitem").filter({ hasText: firstNumber })).toContainText(
    /Registering for A2P|Registered for A2P/,
  );
  await expect(async () => {
    await staff.reload();
    await expect(
      staff.getByTestId("sender-numbers").getByRole("listitem").filter({ hasText: firstNumber }),
    ).toContainText("Registered for A2P", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await page.reload();
  await expect(page.getByTestId("sender-numbers").getByRole("listitem").filter({ hasText: firstNumber })).toContainText(
    "Registered for A2P",
  );
  await expect(page.getByTestId("approval-progress").locator('[data-stage="campaign"]')).toHaveAttribute(
    "data-state",
    "done",
  );
  await expect(page.getByTestId("registration-status").locator('[data-status="senders"]')).toHaveText(
    "1 registered for A2P",
  );
  // Customers may not change the pool unless the ISV allows it.
  await expect(page.getByTestId("sender-numbers").getByRole("button")).toHaveCount(0);

  // Once an administrator allows it in Settings, the customer manages their own numbers.
  await staff.goto("/staff/settings");
  await staff.getByLabel("Customers manage their sender numbers").check();
  await staff.getByRole("button", { name: "Save settings" }).click();
  await expect(staff.getByText("Settings saved.")).toBeVisible();
  await page.reload();
  const own = page.getByTestId("sender-numbers");
  await own.getByRole("button", { name: `Remove ${firstNumber} from the sender pool` }).click();
  await expect(own.getByRole("listitem").filter({ hasText: firstNumber })).toContainText("Not a sender");
  expect(
    query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM "SenderNumber" s JOIN "OnboardingApplication" a ON a.id = s.applicationId WHERE a.organizationId = ?`,
      "demo-org-acme",
    )[0]!.n,
  ).toBe(0);
  await staff.goto("/staff/settings");
  await staff.getByLabel("Customers manage their sender numbers").uncheck();
  await staff.getByRole("button", { name: "Save settings" }).click();
  await expect(staff.getByText("Settings saved.")).toBeVisible();

  // What it cost: one vetting fee and the monthly fee, totalled on the customer's page.
  await staff.goto("/staff/customers/demo-org-acme");
  const fees = staff.getByTestId("fees-spent");
  await expect(fees.getByText("Campaign vetting")).toHaveCount(1);
  await expect(fees).toContainText("Brand registration");
  await expect(staff.getByTestId("fees-total")).toContainText("$");
  await staffContext.close();
});
