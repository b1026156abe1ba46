import { expect, test, type Browser, type Page } from "@playwright/test";
import fc from "fast-check";

import { strictDraftSchema } from "@/lib/onboarding/schema/draft-shape";

import { query } from "./support/database";
import { addCustomerAndAccept, DEMO_STAFF, signIn } from "./support/fixtures";
import { postServerAction, putDraft } from "./support/server-actions";

/**
 * Property-based hostile input over every server action, through the real server: wrong types,
 * objects where strings belong, prototype keys, lone surrogates, right-to-left text, markup, huge
 * values. Never a 500; every answer is the action's own result; a draft is stored only in its
 * shape (invalid values kept), and a refused save leaves the stored draft as it was.
 */
const MARKUP = ["<script>alert(1)</script>", '<img src=x onerror="alert(2)">', "<b>bold</b>", "javascript:alert(3)"];
const hostileKey = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "then"),
  fc.string({ maxLength: 12 }),
);
const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom(
    ...MARKUP,
    "\u202Eevil.exe\u202C",
    "مرحبا بالعالم",
    "שלום",
    "\uD800",
    "a\uDC00b",
    "\u0000\u0001",
    '\'; DROP TABLE "User"; --',
    "12-3456789",
  ),
  fc.string({ minLength: 1, maxLength: 4 }).map((part) => part.repeat(3000)),
);
const { value: hostileValue } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(hostileKey, tie("value"), { maxKeys: 3 }),
  ),
}));
const hostileObject = (keys: string[]) =>
  fc.dictionary(fc.oneof(fc.constantFrom(...keys), hostileKey), hostileValue, { maxKeys: 6 });

const STEP_KEYS = {
  business: ["businessName", "businessIdentity", "regions", "socialMediaUrls", "registrationNumber", "websiteUrl"],
  representatives: ["primary", "secondary", "hasSecondary"],
  address: ["street", "city", "country", "postalCode"],
  company: ["companyType", "brandType", "brandContactEmail"],
};
const hostileDraft = fc.oneof(
  fc.record(
    {
      business: hostileObject(STEP_KEYS.business),
      representatives: fc.oneof(
        hostileObject(STEP_KEYS.representatives),
        fc.record({ primary: hostileObject(["firstName", "email", "phoneNumber"]), hasSecondary: hostileValue }),
      ),
      address: hostileObject(STEP_KEYS.address),
      company: hostileObject(STEP_KEYS.company),
    },
    { requiredKeys: [] },
  ),
  hostileObject(["business", "address", "__proto__"]),
  hostileValue,
);

const callAction = postServerAction;

/** The action's own answer: a Flight line carrying `{ok: …}`. */
function expectActionAnswer(answer: { status: number; text: string }, what: string) {
  // 422: the draft route's answer to input its schema refuses (a server action answers those with 200).
  expect([200, 422], `${what}: ${answer.status} ${answer.text.slice(0, 200)}`).toContain(answer.status);
  expect(answer.text, what).toMatch(/"ok":(true|false)/);
  expect(answer.text, what).not.toContain("Something went wrong on our side");
}

const storedDraft = (applicationId: string) =>
  query<{ draft: string; version: number }>(
    'SELECT draft, version FROM "OnboardingApplication" WHERE id = ?',
    applicationId,
  )[0]!;

async function customer(browser: Browser, staffPage: Page, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await addCustomerAndAccept(staffPage, page, name);
  const { id } = query<{ id: string }>(
    'SELECT a.id FROM "OnboardingApplication" a JOIN "Organization" o ON o.id = a.organizationId WHERE o.name = ?',
    name,
  )[0]!;
  return { page, applicationId: id };
}

test("hostile drafts: never a 500, stored only in the draft's shape, a refused save changes nothing", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const staffPage = await (await browser.newContext()).newPage();
  await signIn(staffPage, DEMO_STAFF);
  const { page, applicationId } = await customer(browser, staffPage, "Hostile Draft Ltd");

  await fc.assert(
    fc.asyncProperty(hostileDraft, fc.constantFrom("business", "address", "review", "nowhere"), async (draft, step) => {
      const before = storedDraft(applicationId);
      const answer = await putDraft(page.request, applicationId, {
        expectedVersion: before.version,
        draft,
        currentStep: step,
      });
      expectActionAnswer(answer, "PUT draft");
      const after = storedDraft(applicationId);
      const stored = JSON.parse(after.draft) as unknown;
      expect(strictDraftSchema.safeParse(stored).success, JSON.stringify(stored).slice(0, 300)).toBe(true);
      if (answer.text.includes('"ok":false')) expect(after).toEqual(before);
    }),
    { numRuns: 60 },
  );
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();

  // The customer's own steps still open.
  for (const step of ["business", "representatives", "address", "company", "review"]) {
    const response = await page.goto(`/onboarding/${step}`);
    expect(response!.status(), step).toBe(200);
  }

  // 1 MB and more: a clear refusal, never a bare 500, nothing lost.
  const before = storedDraft(applicationId);
  const huge = await putDraft(page.request, applicationId, {
    expectedVersion: before.version,
    draft: { business: { businessName: "x".repeat(1_100_000) } },
    currentStep: "business",
  });
  expect(huge.status).toBe(413);
  expect(huge.text).toContain("too large");
  const large = await putDraft(page.request, applicationId, {
    expectedVersion: before.version,
    draft: { business: { businessName: "x".repeat(900_000) } },
    currentStep: "business",
  });
  expectActionAnswer(large, "900 KB draft");
  expect(large.text).toContain('"ok":false');
  expect(storedDraft(applicationId)).toEqual(before);
});

test("markup typed into a draft is shown as text on the customer's and the staff's pages", async ({ browser }) => {
  const staffPage = await (await browser.newContext()).newPage();
  await signIn(staffPage, DEMO_STAFF);
  const { page, applicationId } = await customer(browser, staffPage, "Markup Test Co");
  const dialogs: string[] = [];
  for (const p of [page, staffPage])
    p.on("dialog", (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message())));
  const { version } = storedDraft(applicationId);
  const saved = await putDraft(page.request, applicationId, {
    expectedVersion: version,
    draft: { business: { businessName: MARKUP[0], websiteUrl: MARKUP[1] }, address: { city: MARKUP[3] } },
    currentStep: "review",
  });
  expect(saved.text).toContain('"ok":true');

  await page.goto("/onboarding/review");
  await expect(page.getByText(MARKUP[0]!).first()).toBeVisible();
  await page.goto("/onboarding/business");
  await expect(page.getByLabel("Business Name", { exact: true })).toHaveValue(MARKUP[0]!);

  const { organizationId } = query<{ organizationId: string }>(
    'SELECT organizationId FROM "OnboardingApplication" WHERE id = ?',
    applicationId,
  )[0]!;
  await staffPage.goto(`/staff/customers/${organizationId}`);
  await expect(staffPage.getByRole("heading", { level: 1 })).toBeVisible();
  await staffPage.goto(`/staff?q=${encodeURIComponent("script")}`);
  await expect(staffPage.getByText(MARKUP[0]!).first()).toBeVisible();
  expect(await staffPage.locator("b", { hasText: "bold" }).count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test("every other action answers hostile input with its own result, never a 500", async ({ browser }) => {
  test.setTimeout(240_000);
  const staffPage = await (await browser.newContext()).newPage();
  await signIn(staffPage, DEMO_STAFF);
  const { page, applicationId } = await customer(browser, staffPage, "Hostile Actions Inc");
  const organizationId = query<{ organizationId: string }>(
    'SELECT organizationId FROM "OnboardingApplication" WHERE id = ?',
    applicationId,
  )[0]!.organizationId;
  const settingsBefore = query('SELECT * FROM "IsvSettings"');

  // Each action as a caller allowed to use it. A required field always gets a non-string value,
  // so a hostile call can never pass as valid and change the portal's settings for other tests.
  const nonString = fc.oneof(
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(hostileValue, { maxLength: 2 }),
    fc.dictionary(hostileKey, hostileValue, { maxKeys: 2 }),
  );
  const cases: { action: string; as: Page; required: string; keys: string[]; form?: boolean }[] = [
    { action: "submitApplicationAction", as: page, required: "expectedVersion", keys: ["applicationId"] },
    { action: "approveApplicationAction", as: staffPage, required: "applicationId", keys: [] },
    { action: "requestChangesAction", as: staffPage, required: "comments", keys: ["applicationId"] },
    { action: "editFieldAction", as: staffPage, required: "field", keys: ["applicationId", "value"] },
    { action: "createCustomerAction", as: staffPage, required: "email", keys: ["organizationName"] },
    { action: "inviteCustomerUserAction", as: staffPage, required: "email", keys: ["organizationId"] },
    { action: "inviteStaffAction", as: staffPage, required: "email", keys: ["role"] },
    { action: "updateIsvSettingsAction", as: staffPage, required: "portalName", keys: ["supportEmail"] },
    { action: "updateTwilioSettingsAction", as: staffPage, required: "notificationEmail", keys: ["publicBaseUrl"] },
    { action: "setCustomerAccountAction", as: staffPage, required: "organizationId", keys: ["mode", "accountSid"] },
    { action: "saveCampaignDraftAction", as: page, required: "expectedVersion", keys: ["draft"] },
    { action: "submitCampaignAction", as: page, required: "expectedVersion", keys: [] },
    { action: "approveCampaignAction", as: staffPage, required: "applicationId", keys: ["overrideReason"], form: true },
    { action: "requestCampaignChangesAction", as: staffPage, required: "comments", keys: [] },
    { action: "editCampaignFieldAction", as: staffPage, required: "field", keys: ["value"], form: true },
    { action: "addSenderNumberAction", as: staffPage, required: "phoneNumberSid", keys: [], form: true },
    { action: "removeSenderNumberAction", as: staffPage, required: "phoneNumberSid", keys: [], form: true },
    { action: "requestShakenStirAction", as: staffPage, required: "phoneNumberSids", keys: [], form: true },
    { action: "resendBrandVerificationAction", as: staffPage, required: "applicationId", keys: [], form: true },
    { action: "signInWithPassword", as: page, required: "email", keys: ["password", "callbackUrl"], form: true },
    { action: "requestPasswordResetAction", as: page, required: "email", keys: [], form: true },
    { action: "resetPasswordAction", as: page, required: "token", keys: ["password"], form: true },
    { action: "acceptInvitationAction", as: page, required: "token", keys: ["name", "password"], form: true },
    { action: "checkImportAction", as: staffPage, required: "file", keys: [], form: true },
    { action: "startImportAction", as: staffPage, required: "importId", keys: [], form: true },
    { action: "emailTextAction", as: staffPage, required: "kind", keys: ["subject", "body", "intent"], form: true },
    { action: "updateBrandingAction", as: staffPage, required: "brandColor", keys: ["removeLogo"], form: true },
    { action: "setRemindersAction", as: staffPage, required: "organizationId", keys: ["reminders"], form: true },
    { action: "confirmAdoptionAction", as: staffPage, required: "runId", keys: ["decision:x"], form: true },
    { action: "saveTollfreeDraftAction", as: page, required: "expectedVersion", keys: ["draft", "phoneNumberSid"] },
    { action: "submitTollfreeAction", as: page, required: "expectedVersion", keys: ["phoneNumberSid"] },
    { action: "approveTollfreeAction", as: staffPage, required: "verificationId", keys: [], form: true },
    { action: "requestTollfreeChangesAction", as: staffPage, required: "comments", keys: ["verificationId"] },
  ];
  for (const { action, as, required, keys, form } of cases) {
    await fc.assert(
      fc.asyncProperty(hostileObject([...keys, "applicationId"]), nonString, async (input, bad) => {
        const payload = { ...input, applicationId, organizationId, [required]: bad };
        const answer = await callAction(as.request, action, form ? [null, payload] : [payload]);
        expectActionAnswer(answer, action);
        expect(answer.text, action).toContain('"ok":false');
      }),
      { numRuns: 15 },
    );
  }
  expect(query('SELECT * FROM "IsvSettings"')).toEqual(settingsBefore);
  expect(query('SELECT status FROM "OnboardingApplication" WHERE id = ?', applicationId)).toEqual([
    { status: "DRAFT" },
  ]);
});
