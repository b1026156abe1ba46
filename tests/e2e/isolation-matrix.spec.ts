import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, request, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";

import { query } from "./support/database";
import { E2E } from "./support/e2e-env";
import { addCustomerAndAccept, DEMO_STAFF, signIn, uniqueEmail } from "./support/fixtures";
import { postServerAction } from "./support/server-actions";

/**
 * Every server action and every route handler, called over HTTP by each kind of caller, exactly
 * as a hostile browser could. Organization A owns the application each call targets. The matrix is
 * printed, and every cell is asserted: allowed (the caller got past the authorization check) or
 * refused. No call ever answers 500.
 */
const ACTORS = ["anonymous", "customer A", "customer B", "staff", "admin"] as const;
type Actor = (typeof ACTORS)[number];
type Cell = "allowed" | "refused";
const A: Cell = "allowed";
const R: Cell = "refused";

const REFUSALS = [
  "Your session has ended. Please sign in again.",
  "Only staff can do that.",
  "Only administrators can do that.",
  "This page is for customers.",
  "We could not find that.",
  "Your provider manages your phone numbers; ask them to make this change.",
  "Your provider buys phone numbers for you; ask them for one.",
  // A number of another organization's, whoever asks (#26): the number check, not the caller's role.
  "This number is not one of this customer's numbers.",
  "This number already belongs to another customer.",
  // A toll-free verification is reached through the caller's own toll-free number only (#29).
  "This is not one of your toll-free numbers.",
];

// ownNumber, theirNumber: numbers organizations A and B own (bought through their staff pages);
// ownTollFree: a toll-free number of A's.
type Target = {
  applicationId: string;
  organizationId: string;
  ownNumber: string;
  theirNumber: string;
  ownTollFree: string;
};
type Probe = {
  name: string;
  expected: readonly [Cell, Cell, Cell, Cell, Cell];
  call: (request: APIRequestContext, target: Target) => Promise<Cell>;
};

async function callAction(request: APIRequestContext, exportedName: string, args: unknown[]): Promise<Cell> {
  const answer = await postServerAction(request, exportedName, args);
  expect(answer.status, `${exportedName} answered ${answer.status}`).toBeLessThan(500);
  // Not a React Flight answer: the action never ran. Next.js forwards a call to the page that uses
  // the action, and without a session cookie proxy.ts turns that into a redirect to sign-in.
  if (!answer.contentType.startsWith("text/x-component")) return R;
  return REFUSALS.some((refusal) => answer.text.includes(refusal)) ? R : A;
}

async function callRoute(
  request: APIRequestContext,
  method: "GET" | "POST" | "PUT" | "PATCH",
  path: string,
  body?: string,
): Promise<Cell> {
  const headers: Record<string, string> =
    method === "PUT" || method === "PATCH" ? { "content-type": "application/json" } : {};
  const response = await request.fetch(path, { method, data: body, headers, maxRedirects: 0 });
  expect(response.status(), `${method} ${path} answered ${response.status()}`).toBeLessThan(500);
  if ([401, 403, 404].includes(response.status())) return R;
  expect(response.status(), `${method} ${path}`).toBe(200);
  return A;
}

const anyone = [A, A, A, A, A] as const;
const ownCustomer = [R, A, R, A, A] as const;
const ownCustomerOnly = [R, A, R, R, R] as const;
const staffOnly = [R, R, R, A, A] as const;
const adminOnly = [R, R, R, R, A] as const;
const nobody = [R, R, R, R, R] as const;

const MATRIX_NUMBER = `PN${"0".repeat(32)}`;

const PROBES: Probe[] = [
  // Server actions. Arguments aim at organization A and are such that an allowed call changes nothing
  // that matters (a stale version, a draft application, an invalid form).
  { name: "action signInWithPassword", expected: anyone, call: (r) => callAction(r, "signInWithPassword", [null, {}]) },
  {
    name: "action acceptInvitationAction",
    expected: anyone,
    call: (r) => callAction(r, "acceptInvitationAction", [null, {}]),
  },
  {
    name: "action requestPasswordResetAction",
    expected: anyone,
    call: (r) => callAction(r, "requestPasswordResetAction", [null, {}]),
  },
  {
    name: "action resetPasswordAction",
    expected: anyone,
    call: (r) => callAction(r, "resetPasswordAction", [null, {}]),
  },
  {
    name: "PUT /api/applications/[id]/draft",
    expected: ownCustomerOnly,
    call: (r, t) =>
      callRoute(
        r,
        "PUT",
        `/api/applications/${t.applicationId}/draft`,
        JSON.stringify({ expectedVersion: 999_999, draft: {}, currentStep: "business" }),
      ),
  },
  {
    name: "action submitApplicationAction",
    expected: ownCustomerOnly,
    call: (r, t) =>
      callAction(r, "submitApplicationAction", [{ applicationId: t.applicationId, expectedVersion: 999_999 }]),
  },
  {
    name: "action approveApplicationAction",
    expected: staffOnly,
    call: (r, t) => callAction(r, "approveApplicationAction", [{ applicationId: t.applicationId }]),
  },
  {
    // A form action (previous state, form data): the guard answers before the input is read.
    name: "action retryProvisioningAction",
    expected: staffOnly,
    call: (r) => callAction(r, "retryProvisioningAction", [null, {}]),
  },
  {
    name: "action requestChangesAction",
    expected: staffOnly,
    call: (r, t) =>
      callAction(r, "requestChangesAction", [
        { applicationId: t.applicationId, comments: [{ field: "business.businessName", message: "Matrix" }] },
      ]),
  },
  {
    name: "action editFieldAction",
    expected: staffOnly,
    call: (r, t) =>
      callAction(r, "editFieldAction", [
        { applicationId: t.applicationId, field: "business.businessName", value: "Matrix" },
      ]),
  },
  {
    name: "action createCustomerAction",
    expected: staffOnly,
    call: (r) => callAction(r, "createCustomerAction", [{}]),
  },
  {
    name: "action inviteCustomerUserAction",
    expected: staffOnly,
    call: (r, t) =>
      callAction(r, "inviteCustomerUserAction", [{ organizationId: t.organizationId, email: "not an email" }]),
  },
  { name: "action inviteStaffAction", expected: adminOnly, call: (r) => callAction(r, "inviteStaffAction", [{}]) },
  {
    name: "action updateIsvSettingsAction",
    expected: adminOnly,
    call: (r) => callAction(r, "updateIsvSettingsAction", [{}]),
  },
  {
    name: "action updateTwilioSettingsAction",
    expected: adminOnly,
    call: (r) => callAction(r, "updateTwilioSettingsAction", [{}]),
  },
  {
    name: "action setCustomerAccountAction",
    expected: adminOnly,
    call: (r) => callAction(r, "setCustomerAccountAction", [{}]),
  },
  // The campaign's actions name the application, like the onboarding's.
  {
    name: "action saveCampaignDraftAction",
    expected: ownCustomerOnly,
    call: (r, t) =>
      callAction(r, "saveCampaignDraftAction", [
        { applicationId: t.applicationId, expectedVersion: 999_999, draft: {} },
      ]),
  },
  {
    name: "action submitCampaignAction",
    expected: ownCustomerOnly,
    call: (r, t) =>
      callAction(r, "submitCampaignAction", [{ applicationId: t.applicationId, expectedVersion: 999_999 }]),
  },
  {
    name: "action approveCampaignAction",
    expected: staffOnly,
    call: (r, t) => callAction(r, "approveCampaignAction", [null, { applicationId: t.applicationId }]),
  },
  {
    name: "action requestCampaignChangesAction",
    expected: staffOnly,
    call: (r, t) =>
      callAction(r, "requestCampaignChangesAction", [
        { applicationId: t.applicationId, comments: [{ field: "description", message: "Matrix" }] },
      ]),
  },
  {
    name: "action editCampaignFieldAction",
    expected: staffOnly,
    call: (r, t) =>
      callAction(r, "editCampaignFieldAction", [
        null,
        { applicationId: t.applicationId, field: "description", value: "Matrix" },
      ]),
  },
  {
    // Customers too when the ISV allows it in Settings; it does not here.
    name: "action addSenderNumberAction",
    expected: staffOnly,
    call: (r, t) =>
      callAction(r, "addSenderNumberAction", [null, { applicationId: t.applicationId, phoneNumberSid: t.ownNumber }]),
  },
  {
    name: "action removeSenderNumberAction",
    expected: staffOnly,
    call: (r, t) =>
      callAction(r, "removeSenderNumberAction", [
        null,
        { applicationId: t.applicationId, phoneNumberSid: t.ownNumber },
      ]),
  },
  {
    name: "action requestShakenStirAction",
    expected: staffOnly,
    call: (r, t) =>
      callAction(r, "requestShakenStirAction", [
        null,
        { applicationId: t.applicationId, phoneNumberSids: t.ownNumber },
      ]),
  },
  {
    // Customers too when the ISV allows it in Settings; it does not here.
    name: "action searchNumbersAction",
    expected: staffOnly,
    call: (r, t) => callAction(r, "searchNumbersAction", [null, { organizationId: t.organizationId, areaCode: "415" }]),
  },
  {
    // A number Twilio does not offer: an allowed call is refused by Twilio (21422), nothing is bought.
    name: "action buyNumberAction",
    expected: staffOnly,
    call: (r, t) =>
      callAction(r, "buyNumberAction", [null, { organizationId: t.organizationId, phoneNumber: "+12025551234" }]),
  },
  {
    name: "action assignNumberAction",
    expected: staffOnly,
    call: (r, t) =>
      callAction(r, "assignNumberAction", [null, { organizationId: t.organizationId, phoneNumberSid: MATRIX_NUMBER }]),
  },
  {
    name: "action unassignNumberAction",
    expected: staffOnly,
    call: (r, t) =>
      callAction(r, "unassignNumberAction", [null, { organizationId: t.organizationId, phoneNumberSid: t.ownNumber }]),
  },
  // Every number action on organization A with organization B's own number: refused for everyone.
  {
    name: "B's number: addSenderNumberAction",
    expected: nobody,
    call: (r, t) =>
      callAction(r, "addSenderNumberAction", [null, { applicationId: t.applicationId, phoneNumberSid: t.theirNumber }]),
  },
  {
    name: "B's number: removeSenderNumberAction",
    expected: nobody,
    call: (r, t) =>
      callAction(r, "removeSenderNumberAction", [
        null,
        { applicationId: t.applicationId, phoneNumberSid: t.theirNumber },
      ]),
  },
  {
    name: "B's number: requestShakenStirAction",
    expected: nobody,
    call: (r, t) =>
      callAction(r, "requestShakenStirAction", [
        null,
        { applicationId: t.applicationId, phoneNumberSids: t.theirNumber },
      ]),
  },
  {
    name: "B's number: assignNumberAction",
    expected: nobody,
    call: (r, t) =>
      callAction(r, "assignNumberAction", [null, { organizationId: t.organizationId, phoneNumberSid: t.theirNumber }]),
  },
  {
    name: "B's number: unassignNumberAction",
    expected: nobody,
    call: (r, t) =>
      callAction(r, "unassignNumberAction", [
        null,
        { organizationId: t.organizationId, phoneNumberSid: t.theirNumber },
      ]),
  },
  // Toll-free verification (#29): the customer's actions name a toll-free number of theirs; staff's
  // name a verification (none such here: an allowed call answers that it does not exist).
  {
    name: "action saveTollfreeDraftAction",
    expected: ownCustomerOnly,
    call: (r, t) =>
      callAction(r, "saveTollfreeDraftAction", [
        { phoneNumberSid: t.ownTollFree, expectedVersion: 999_999, draft: {} },
      ]),
  },
  {
    name: "action submitTollfreeAction",
    expected: ownCustomerOnly,
    call: (r, t) =>
      callAction(r, "submitTollfreeAction", [{ phoneNumberSid: t.ownTollFree, expectedVersion: 999_999 }]),
  },
  {
    name: "action approveTollfreeAction",
    expected: staffOnly,
    call: (r) =>
      callAction(r, "approveTollfreeAction", [null, { verificationId: "matrix-nobody", expectedVersion: "1" }]),
  },
  {
    name: "action requestTollfreeChangesAction",
    expected: staffOnly,
    call: (r) =>
      callAction(r, "requestTollfreeChangesAction", [
        { verificationId: "matrix-nobody", comments: [{ field: "businessName", message: "Matrix" }] },
      ]),
  },
  {
    name: "B's number: saveTollfreeDraftAction",
    expected: nobody,
    call: (r, t) =>
      callAction(r, "saveTollfreeDraftAction", [
        { phoneNumberSid: t.theirNumber, expectedVersion: 999_999, draft: {} },
      ]),
  },
  {
    // The target application is a draft (no brand): an allowed call answers "no verification to send".
    name: "action resendBrandVerificationAction",
    expected: ownCustomer,
    call: (r, t) => callAction(r, "resendBrandVerificationAction", [null, { applicationId: t.applicationId }]),
  },
  // Route handlers.
  {
    name: "GET /api/applications/[id]",
    expected: ownCustomer,
    call: (r, t) => callRoute(r, "GET", `/api/applications/${t.applicationId}`),
  },
  {
    name: "GET /api/applications/[id]/progress",
    expected: ownCustomer,
    call: (r, t) => callRoute(r, "GET", `/api/applications/${t.applicationId}/progress`),
  },
  {
    name: "GET /api/applications/[id]/provisioning",
    expected: ownCustomer,
    call: (r, t) => callRoute(r, "GET", `/api/applications/${t.applicationId}/provisioning`),
  },
  {
    name: "GET /api/applications/[id]/status",
    expected: ownCustomer,
    call: (r, t) => callRoute(r, "GET", `/api/applications/${t.applicationId}/status`),
  },
  { name: "GET /api/staff/dashboard", expected: staffOnly, call: (r) => callRoute(r, "GET", "/api/staff/dashboard") },
  {
    name: "GET /api/staff/dashboard/export",
    expected: staffOnly,
    call: (r) => callRoute(r, "GET", "/api/staff/dashboard/export"),
  },
  { name: "GET /api/health", expected: anyone, call: (r) => callRoute(r, "GET", "/api/health") },
  { name: "GET /api/ready", expected: anyone, call: (r) => callRoute(r, "GET", "/api/ready") },
  { name: "GET /api/auth/session", expected: anyone, call: (r) => callRoute(r, "GET", "/api/auth/session") },
  { name: "POST /api/cron/sync (no secret)", expected: nobody, call: (r) => callRoute(r, "POST", "/api/cron/sync") },
  {
    name: "POST /api/twilio/status-callback (unsigned)",
    expected: nobody,
    call: (r, t) =>
      callRoute(
        r,
        "POST",
        "/api/twilio/status-callback",
        `AccountSid=AC00&BundleSid=${t.applicationId}&Status=twilio-approved`,
      ),
  },
  {
    name: "POST /api/twilio/events (no token)",
    expected: nobody,
    call: (r) => callRoute(r, "POST", "/api/twilio/events", "[]"),
  },
  // The ISV API answers API keys only: a session cookie is not one, whoever's it is (a page could
  // otherwise make a signed-in browser call it). Keys and their scopes: the test after the matrix.
  {
    name: "GET /api/v1/customers (a session, no key)",
    expected: nobody,
    call: (r) => callRoute(r, "GET", "/api/v1/customers"),
  },
  {
    name: "POST /api/v1/customers (a session, no key)",
    expected: nobody,
    call: (r) => callRoute(r, "POST", "/api/v1/customers", "{}"),
  },
  {
    name: "GET /api/v1/customers/[customerId] (a session, no key)",
    expected: nobody,
    call: (r, t) => callRoute(r, "GET", `/api/v1/customers/${t.organizationId}`),
  },
  {
    name: "PATCH /api/v1/customers/[customerId]/draft (a session, no key)",
    expected: nobody,
    call: (r, t) => callRoute(r, "PATCH", `/api/v1/customers/${t.organizationId}/draft`, "{}"),
  },
  {
    name: "GET /api/v1/imports (a session, no key)",
    expected: nobody,
    call: (r) => callRoute(r, "GET", "/api/v1/imports"),
  },
  {
    name: "POST /api/v1/imports (a session, no key)",
    expected: nobody,
    call: (r) => callRoute(r, "POST", "/api/v1/imports", "a,b"),
  },
  {
    name: "GET /api/v1/imports/[importId] (a session, no key)",
    expected: nobody,
    call: (r) => callRoute(r, "GET", "/api/v1/imports/matrix-nobody"),
  },
  {
    // No file: an allowed call answers with the field's message.
    name: "action checkImportAction",
    expected: staffOnly,
    call: (r) => callAction(r, "checkImportAction", [null, {}]),
  },
  {
    name: "action startImportAction",
    expected: staffOnly,
    call: (r) => callAction(r, "startImportAction", [null, { importId: "matrix-nobody" }]),
  },
  {
    name: "GET /api/v1/adoption-runs (a session, no key)",
    expected: nobody,
    call: (r) => callRoute(r, "GET", "/api/v1/adoption-runs"),
  },
  {
    name: "GET /api/v1/adoption-runs/[runId] (a session, no key)",
    expected: nobody,
    call: (r) => callRoute(r, "GET", "/api/v1/adoption-runs/matrix-nobody"),
  },
  {
    // Allowed, it starts a read-only scan of the sandbox (nothing is written anywhere).
    name: "action startAdoptionScanAction",
    expected: adminOnly,
    call: (r) => callAction(r, "startAdoptionScanAction", [null, {}]),
  },
  {
    // No such scan: an allowed call is told it cannot be confirmed; nothing is brought in.
    name: "action confirmAdoptionAction",
    expected: adminOnly,
    call: (r) => callAction(r, "confirmAdoptionAction", [null, { runId: "matrix-nobody" }]),
  },
  {
    // "on" is the default: an allowed call changes nothing.
    name: "action setRemindersAction",
    expected: staffOnly,
    call: (r, t) => callAction(r, "setRemindersAction", [null, { organizationId: t.organizationId, reminders: "on" }]),
  },
  { name: "GET /api/branding/logo", expected: anyone, call: (r) => callRoute(r, "GET", "/api/branding/logo") },
  {
    // An unreadable colour: an allowed call answers with the field's message.
    name: "action updateBrandingAction",
    expected: adminOnly,
    call: (r) => callAction(r, "updateBrandingAction", [null, { brandColor: "#ffffff" }]),
  },
  {
    name: "action emailTextAction",
    expected: adminOnly,
    call: (r) =>
      callAction(r, "emailTextAction", [null, { kind: "invitation", subject: "", body: "", intent: "preview" }]),
  },
  { name: "GET /api/v1/openapi.json", expected: anyone, call: (r) => callRoute(r, "GET", "/api/v1/openapi.json") },
  {
    // An empty name: an allowed call answers with the field's message.
    name: "action createApiKeyAction",
    expected: adminOnly,
    call: (r) => callAction(r, "createApiKeyAction", [null, { name: "", scope: "read" }]),
  },
  {
    name: "action revokeApiKeyAction",
    expected: adminOnly,
    call: (r) => callAction(r, "revokeApiKeyAction", [null, { id: "matrix-nobody" }]),
  },
  {
    // No address and no event: an allowed call answers with the fields' messages.
    name: "action createWebhookEndpointAction",
    expected: adminOnly,
    call: (r) => callAction(r, "createWebhookEndpointAction", [null, { url: "" }]),
  },
  {
    name: "action rotateWebhookSecretAction",
    expected: adminOnly,
    call: (r) => callAction(r, "rotateWebhookSecretAction", [null, { id: "matrix-nobody" }]),
  },
  {
    name: "action disableWebhookEndpointAction",
    expected: adminOnly,
    call: (r) => callAction(r, "disableWebhookEndpointAction", [null, { id: "matrix-nobody" }]),
  },
  {
    name: "action sendWebhookAgainAction",
    expected: adminOnly,
    call: (r) => callAction(r, "sendWebhookAgainAction", [null, { id: "matrix-nobody" }]),
  },
  {
    // A person who does not exist: an allowed call answers "No such staff member."
    name: "action changeStaffRoleAction",
    expected: adminOnly,
    call: (r) => callAction(r, "changeStaffRoleAction", [null, { userId: "matrix-nobody", role: "STAFF" }]),
  },
  {
    name: "action removeUserAction",
    expected: adminOnly,
    call: (r) => callAction(r, "removeUserAction", [null, { userId: "matrix-nobody" }]),
  },
  // Last: these end the caller's sessions. Only the signed-in pages carry them, so an anonymous call
  // never reaches them (it is forwarded to a page the proxy sends to sign-in). "Everywhere" is
  // called through a copy of the caller's cookie, so that the caller still holds one (now ended) for
  // the last row.
  {
    name: "action signOutEverywhereAction",
    expected: [R, A, A, A, A],
    call: async (r) => {
      const copy = await request.newContext({ baseURL: E2E.baseUrl, storageState: await r.storageState() });
      return callAction(copy, "signOutEverywhereAction", []);
    },
  },
  { name: "action signOutAction", expected: [R, A, A, A, A], call: (r) => callAction(r, "signOutAction", []) },
];

async function staffMember(browser: Browser, adminPage: Page) {
  await adminPage.goto("/staff/team");
  await adminPage.getByLabel("Email").fill(uniqueEmail("matrix-staff"));
  await adminPage.getByRole("button", { name: "Invite staff member" }).click();
  const link = await adminPage.getByTestId("invitation-link").inputValue();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel("Your name").fill("Matrix Staff");
  await page.getByLabel("Password", { exact: true }).fill("matrix staff passphrase");
  await page.getByLabel("Confirm password").fill("matrix staff passphrase");
  await page.getByRole("button", { name: "Create account and sign in" }).click();
  await expect(page).toHaveURL(/\/staff$/);
  return context;
}

test("isolation matrix: every action and route, as every kind of caller", async ({ browser, playwright }) => {
  test.setTimeout(180_000);
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, DEMO_STAFF);
  const contexts: Record<Actor, APIRequestContext> = {
    anonymous: await playwright.request.newContext({ baseURL: E2E.baseUrl }),
    "customer A": (await customerContext(browser, adminPage, "Matrix A Corp")).request,
    "customer B": (await customerContext(browser, adminPage, "Matrix B Corp")).request,
    staff: (await staffMember(browser, adminPage)).request,
    admin: adminContext.request,
  };
  const organizationOf = (name: string) =>
    query<{ applicationId: string; organizationId: string }>(
      'SELECT a.id AS applicationId, a.organizationId FROM "OnboardingApplication" a JOIN "Organization" o ON o.id = a.organizationId WHERE o.name = ?',
      name,
    )[0]!;
  // Each organization gets a number of its own the way staff give one: search, see the price, buy.
  const numberBoughtFor = async (organizationId: string, areaCode: string, kind: "local" | "toll-free" = "local") => {
    await adminPage.goto(`/staff/customers/${organizationId}`);
    const search = adminPage.getByTestId("number-search");
    await search.getByLabel("Kind of number").selectOption(kind);
    await search.getByLabel("Area code").fill(areaCode);
    await search.getByRole("button", { name: "Find numbers" }).click();
    const price = kind === "local" ? "1.15" : "2.15";
    await expect(search.getByText(`Each number costs ${price} USD a month`, { exact: false })).toBeVisible();
    const buy = search.getByRole("button", { name: /^Buy / }).first();
    const bought = (await buy.getAttribute("aria-label"))!.replace(/^Buy \((\d{3})\) (\d{3})-(\d{4}) .*$/, "+1$1$2$3");
    await buy.click();
    await expect(search.getByText(`Bought: ${price} USD a month`)).toBeVisible();
    return query<{ phoneNumberSid: string }>(
      'SELECT "phoneNumberSid" FROM "PhoneNumber" WHERE "phoneNumber" = ?',
      bought,
    )[0]!.phoneNumberSid;
  };
  const a = organizationOf("Matrix A Corp");
  const theirNumber = await numberBoughtFor(organizationOf("Matrix B Corp").organizationId, "617");
  const ownNumber = await numberBoughtFor(a.organizationId, "206");
  const ownTollFree = await numberBoughtFor(a.organizationId, "888", "toll-free");
  const target: Target = { ...a, ownNumber, theirNumber, ownTollFree };

  const rows: string[][] = [];
  const mismatches: string[] = [];
  for (const probe of PROBES) {
    const row = [probe.name];
    for (const [index, actor] of ACTORS.entries()) {
      const cell = await probe.call(contexts[actor], target);
      row.push(cell);
      if (cell !== probe.expected[index])
        mismatches.push(`${probe.name} as ${actor}: ${cell}, expected ${probe.expected[index]}`);
    }
    rows.push(row);
  }
  const widths = [Math.max(...rows.map((row) => row[0]!.length)), ...ACTORS.map((actor) => Math.max(actor.length, 7))];
  const line = (cells: string[]) => cells.map((cell, index) => cell.padEnd(widths[index]!)).join(" | ");
  console.info(
    ["", "Isolation matrix (target: organization A's application)", line(["", ...ACTORS]), ...rows.map(line)].join(
      "\n",
    ),
  );
  expect(mismatches).toEqual([]);
  expect(rows).toHaveLength(PROBES.length);
});

test("the ISV API by key: none, read, read and write, revoked; keys made and revoked on the admin's page", async ({
  browser,
  playwright,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, DEMO_STAFF);
  await page.goto("/staff/api-keys");
  const makeKey = async (name: string, scope: "Read" | "Read and write") => {
    await page.getByLabel("Name").fill(name);
    await page.getByRole("radio", { name: new RegExp(`^${scope} —`) }).check();
    await page.getByRole("button", { name: "Make API key" }).click();
    // The previous key stays on screen until this answer arrives: wait for this key's own title.
    await expect(page.getByText(`Key “${name}” made`)).toBeVisible();
    const shown = page.getByTestId("new-api-key");
    await expect(shown).toHaveValue(/^ptk_/);
    return shown.inputValue();
  };
  const keys = {
    none: null,
    read: await makeKey("Matrix read", "Read"),
    "read and write": await makeKey("Matrix write", "Read and write"),
    revoked: await makeKey("Matrix revoked", "Read and write"),
  };
  const revokedRow = page.getByRole("listitem").filter({ hasText: keys.revoked.slice(0, 16) });
  await revokedRow.getByRole("button", { name: "Revoke Matrix revoked" }).click();
  await expect(revokedRow).toContainText(/Revoked /);
  // The list shows each key's prefix only, never its secret.
  await expect(page.getByText(keys.read.slice(0, 16))).toBeVisible();
  expect(await page.content()).not.toContain(keys.read.slice(17));

  // Any customer will do (the demo's Acme is seeded): a key is the ISV's, for all its customers.
  const customerId = query<{ id: string }>('SELECT "organizationId" AS id FROM "OnboardingApplication" LIMIT 1')[0]!.id;
  const api = await playwright.request.newContext({ baseURL: E2E.baseUrl });
  const routes: [string, "GET" | "POST" | "PATCH", string, readonly Cell[]][] = [
    ["GET /api/v1/customers", "GET", "/api/v1/customers", [R, A, A, R]],
    // {} is not a customer: a key allowed to write is told what is missing (400), past its checks.
    ["POST /api/v1/customers", "POST", "/api/v1/customers", [R, R, A, R]],
    ["GET /api/v1/customers/[customerId]", "GET", `/api/v1/customers/${customerId}`, [R, A, A, R]],
    ["PATCH /api/v1/customers/[customerId]/draft", "PATCH", `/api/v1/customers/${customerId}/draft`, [R, R, A, R]],
    ["GET /api/v1/imports", "GET", "/api/v1/imports", [R, A, A, R]],
    // {} is not a CSV file: a key allowed to import is told so (400), past its checks.
    ["POST /api/v1/imports", "POST", "/api/v1/imports", [R, R, A, R]],
    // No such import: 404 past the key's checks.
    ["GET /api/v1/imports/[importId]", "GET", "/api/v1/imports/matrix-nobody", [R, A, A, R]],
    ["GET /api/v1/adoption-runs", "GET", "/api/v1/adoption-runs", [R, A, A, R]],
    ["GET /api/v1/adoption-runs/[runId]", "GET", "/api/v1/adoption-runs/matrix-nobody", [R, A, A, R]],
  ];
  const mismatches: string[] = [];
  const rows: string[] = [];
  for (const [name, method, path, expected] of routes) {
    const cells: Cell[] = [];
    for (const [index, [holder, key]] of Object.entries(keys).entries()) {
      const response = await api.fetch(path, {
        method,
        headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), "content-type": "application/json" },
        data: method === "GET" ? undefined : "{}",
      });
      expect(response.status(), `${name} with ${holder}`).toBeLessThan(500);
      const cell = [401, 403].includes(response.status()) ? R : A;
      cells.push(cell);
      if (cell !== expected[index]) mismatches.push(`${name} with ${holder} key: ${cell}, expected ${expected[index]}`);
    }
    rows.push(`${name.padEnd(44)} | ${cells.join(" | ")}`);
  }
  console.info(["", "ISV API by key: none | read | read and write | revoked", ...rows].join("\n"));
  expect(mismatches).toEqual([]);
  await context.close();
});

test("the matrix covers every server action of the build and every route handler", () => {
  const manifest = JSON.parse(
    readFileSync(path.resolve(__dirname, "../../.next/server/server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { exportedName?: string }> };
  const built = new Set(Object.values(manifest.node).map((action) => action.exportedName));
  const probedActions = new Set(PROBES.filter((p) => p.name.startsWith("action ")).map((p) => p.name.slice(7)));
  expect([...built].sort()).toEqual([...probedActions].sort());

  const routes = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? routes(path.join(dir, entry.name)) : entry.name === "route.ts" ? [dir] : [],
    );
  const apiRoot = path.resolve(__dirname, "../../app");
  for (const dir of routes(path.join(apiRoot, "api"))) {
    const route = `/${path.relative(apiRoot, dir)}`
      .replace(/\[\.\.\.nextauth\]/, "session")
      .replace(/\[applicationId\]/, "[id]");
    expect(
      PROBES.some((p) => p.name.includes(` ${route}`)),
      `${route} has a row in the matrix`,
    ).toBe(true);
  }
});

async function customerContext(browser: Browser, staffPage: Page, name: string) {
  const context = await browser.newContext();
  await addCustomerAndAccept(staffPage, await context.newPage(), name);
  return context;
}
