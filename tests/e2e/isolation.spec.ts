import { expect, test, type Page } from "@playwright/test";

import { query } from "./support/database";
import { E2E } from "./support/e2e-env";
import { addCustomerAndAccept, DEMO_CUSTOMER, DEMO_STAFF, signIn } from "./support/fixtures";
import { callServerAction, putDraft } from "./support/server-actions";

const applicationOf = (organizationName: string) =>
  query<{ id: string; organizationId: string }>(
    'SELECT a.id, a.organizationId FROM "OnboardingApplication" a JOIN "Organization" o ON o.id = a.organizationId WHERE o.name = ?',
    organizationName,
  )[0]!;
const organizationCount = () => query<{ n: number }>('SELECT COUNT(*) AS n FROM "Organization"')[0]!.n;

let initech: { email: string; password: string };

test.beforeAll(async ({ browser }) => {
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, DEMO_STAFF);
  const inviteeContext = await browser.newContext();
  initech = await addCustomerAndAccept(staff, await inviteeContext.newPage(), "Initech");
  await staffContext.close();
  await inviteeContext.close();
});

async function signedInAs(page: Page, credentials: { email: string; password: string }, home: RegExp) {
  await signIn(page, credentials);
  await expect(page).toHaveURL(home);
}

test("a customer reads their own application but another organization's is 'not found'", async ({ page }) => {
  const acme = applicationOf("Acme, Inc.");
  const initechApp = applicationOf("Initech");
  await signedInAs(page, initech, /\/home$/);

  const own = await page.request.get(`/api/applications/${initechApp.id}`);
  expect(own.status()).toBe(200);
  expect((await own.json()).organizationId).toBe(initechApp.organizationId);

  const other = await page.request.get(`/api/applications/${acme.id}`);
  expect(other.status()).toBe(404);
  expect(await other.json()).toEqual({ error: { status: 404, message: "We could not find that." } });
});

test("staff read every organization's application; anonymous callers get 401", async ({ page, request }) => {
  await signedInAs(page, DEMO_STAFF, /\/staff$/);
  for (const name of ["Acme, Inc.", "Initech"]) {
    expect((await page.request.get(`/api/applications/${applicationOf(name).id}`)).status()).toBe(200);
  }
  const anonymous = await request.get(`/api/applications/${applicationOf("Acme, Inc.").id}`);
  expect(anonymous.status()).toBe(401);
});

test("a customer is kept out of every staff page", async ({ page }) => {
  await signedInAs(page, DEMO_CUSTOMER, /\/home$/);
  const acme = applicationOf("Acme, Inc.");
  for (const path of [
    "/staff",
    "/staff/customers/new",
    `/staff/customers/${acme.organizationId}`,
    "/staff/team",
    "/staff/settings",
    "/staff/imports",
    "/staff/emails",
    "/staff/adoption",
  ]) {
    await page.goto(path);
    await expect(page, `${path} must not open for a customer`).toHaveURL(/\/home$/);
  }
});

test("a customer calling staff server actions directly is refused and nothing changes", async ({ page }) => {
  await signedInAs(page, DEMO_CUSTOMER, /\/home$/);
  const before = organizationCount();
  const created = await callServerAction(page.request, "/home", "createCustomerAction", [
    { organizationName: "Sneaky Org", email: "sneaky@example.org" },
  ]);
  expect(created).toContain("Only staff can do that.");
  expect(organizationCount()).toBe(before);

  const initechApp = applicationOf("Initech");
  const invited = await callServerAction(page.request, "/home", "inviteCustomerUserAction", [
    { organizationId: initechApp.organizationId, email: "spy@example.org" },
  ]);
  expect(invited).toContain("Only staff can do that.");
  expect(query('SELECT id FROM "Invitation" WHERE email = ?', "spy@example.org")).toHaveLength(0);

  const settings = await callServerAction(page.request, "/home", "updateIsvSettingsAction", [
    { portalName: "Hacked", supportEmail: "" },
  ]);
  expect(settings).toContain("Only administrators can do that.");
  expect(
    query<{ portalName: string }>('SELECT portalName FROM "IsvSettings"').map((row) => row.portalName),
  ).not.toContain("Hacked");
});

test("callers without a valid session cannot run staff server actions", async ({ playwright }) => {
  const before = organizationCount();
  const args = [{ organizationName: "Anon Org", email: "anon@example.org" }];

  // No cookie at all: the proxy sends the request to sign-in before anything runs.
  const anonymous = await playwright.request.newContext({ baseURL: E2E.baseUrl });
  const answer = await callServerAction(anonymous, "/staff/customers/new", "createCustomerAction", args);
  expect(answer).not.toContain('"ok":true');

  // A forged session cookie passes the proxy; the action's own guard refuses it.
  const forged = await playwright.request.newContext({
    baseURL: E2E.baseUrl,
    extraHTTPHeaders: { Cookie: "authjs.session-token=forged.session.value" },
  });
  const forgedAnswer = await callServerAction(forged, "/staff/customers/new", "createCustomerAction", args);
  expect(forgedAnswer).toContain("Your session has ended. Please sign in again.");
  expect(organizationCount()).toBe(before);
  await anonymous.dispose();
  await forged.dispose();
});

test("draft server actions: another organization's application is not found, staff cannot call them, bad payloads are refused", async ({
  page,
  browser,
}) => {
  const acme = applicationOf("Acme, Inc.");
  const versionBefore = query<{ version: number }>(
    'SELECT version FROM "OnboardingApplication" WHERE id = ?',
    acme.id,
  )[0]!.version;
  await signedInAs(page, initech, /\/home$/);
  const foreign = await putDraft(page.request, acme.id, {
    expectedVersion: versionBefore,
    draft: { business: { businessName: "Hijacked" } },
    currentStep: "business",
  });
  expect(foreign.status).toBe(404);
  expect(foreign.text).toContain("We could not find that.");
  const submitForeign = await callServerAction(page.request, "/home", "submitApplicationAction", [
    { applicationId: acme.id, expectedVersion: versionBefore },
  ]);
  expect(submitForeign).toContain("We could not find that.");
  expect(
    query<{ version: number }>('SELECT version FROM "OnboardingApplication" WHERE id = ?', acme.id)[0]!.version,
  ).toBe(versionBefore);

  const own = applicationOf("Initech");
  const malformed = await putDraft(page.request, own.id, {
    expectedVersion: 0,
    draft: { unknownStep: {} },
    currentStep: "nowhere",
  });
  expect(malformed.status).toBe(422);
  expect(malformed.text).toContain("Please correct the highlighted fields.");
  expect(malformed.text).toContain("currentStep");
  // The customer's own session, but sent by another site's page: refused, nothing saved.
  const ownVersion = query<{ version: number }>('SELECT version FROM "OnboardingApplication" WHERE id = ?', own.id)[0]!
    .version;
  const crossSite = await page.request.put(`/api/applications/${own.id}/draft`, {
    headers: { "content-type": "application/json", origin: "https://attacker.example", "sec-fetch-site": "cross-site" },
    data: JSON.stringify({ expectedVersion: ownVersion, draft: {}, currentStep: "business" }),
  });
  expect(crossSite.status()).toBe(403);
  expect(
    query<{ version: number }>('SELECT version FROM "OnboardingApplication" WHERE id = ?', own.id)[0]!.version,
  ).toBe(ownVersion);

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signedInAs(staff, DEMO_STAFF, /\/staff$/);
  const byStaff = await putDraft(staff.request, acme.id, {
    expectedVersion: versionBefore,
    draft: {},
    currentStep: "business",
  });
  expect(byStaff.status).toBe(403);
  expect(byStaff.text).toContain("This page is for customers.");
  await staffContext.close();
});
