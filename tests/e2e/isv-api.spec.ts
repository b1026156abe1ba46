import { expect, test } from "@playwright/test";

import { query } from "./support/database";
import { E2E } from "./support/e2e-env";
import { DEMO_STAFF, signIn } from "./support/fixtures";

/**
 * #28 line 3 in a browser: an administrator makes an API key with JavaScript off (the form posts
 * before the page hydrates) and sees it once; the ISV's product creates a customer with it, who is
 * then on the staff dashboard; the reference page lists every operation of the OpenAPI document.
 */
test("an API key made on the admin's page, with JavaScript off, creates a customer through the API", async ({
  browser,
  playwright,
}) => {
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const page = await noScript.newPage();
  await signIn(page, DEMO_STAFF);
  await page.goto("/staff/api-keys");
  await page.getByLabel("Name").fill("Product sync (no script)");
  await page.getByRole("radio", { name: /^Read and write —/ }).check();
  await page.getByRole("button", { name: "Make API key" }).click();
  const key = await page.getByTestId("new-api-key").inputValue();
  expect(key).toMatch(/^ptk_[a-z0-9]{12}_/);
  // Shown once: the page read again lists the key by its prefix only.
  await page.goto("/staff/api-keys");
  await expect(page.getByText("Product sync (no script)")).toBeVisible();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  expect(await page.content()).not.toContain(key.slice(17));

  const api = await playwright.request.newContext({ baseURL: E2E.baseUrl });
  const created = await api.post("/api/v1/customers", {
    headers: { authorization: `Bearer ${key}` },
    data: {
      name: "Through The API Co",
      externalId: "e2e-api-1",
      firstUser: { email: "owner@through-the-api.example" },
      draft: { business: { businessName: "Through The API LLC" } },
    },
  });
  expect(created.status()).toBe(201);
  const { customer } = (await created.json()) as { customer: { id: string } };
  const read = await api.get(`/api/v1/customers/${customer.id}`, { headers: { authorization: `Bearer ${key}` } });
  expect(await read.json()).toMatchObject({ id: customer.id, application: { stage: "draft" } });
  expect(
    query<{ n: number }>('SELECT COUNT(*) AS n FROM "Organization" WHERE "externalId" = ?', "e2e-api-1")[0]!.n,
  ).toBe(1);

  await page.goto("/staff?q=Through+The+API");
  await expect(page.getByRole("link", { name: /Through The API LLC/ })).toBeVisible();
  // Exported with the page's filters: the header, and the one customer that matches.
  const exportLink = page.getByRole("link", { name: "Export CSV" });
  await expect(exportLink).toHaveAttribute("href", "/api/staff/dashboard/export?q=Through+The+API");
  const csv = await page.request.get((await exportLink.getAttribute("href"))!);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^applicationId,organizationId,name,/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`,${customer.id},Through The API LLC,Through The API Co,`);
  expect(lines[1]).toMatch(/,draft,Draft,\d{4}-\d{2}-\d{2}T/);
  await noScript.close();
});

test("the API reference lists every operation of the OpenAPI document", async ({ page, request }) => {
  const document = (await (await request.get("/api/v1/openapi.json")).json()) as {
    openapi: string;
    paths: Record<string, Record<string, unknown>>;
  };
  expect(document.openapi).toBe("3.1.0");
  await page.goto("/developers/api");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("API");
  for (const [path, operations] of Object.entries(document.paths))
    for (const method of Object.keys(operations))
      await expect(page.getByRole("heading", { name: `${method.toUpperCase()} ${path}`, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "/api/v1/openapi.json" })).toHaveAttribute(
    "href",
    "/api/v1/openapi.json",
  );
});

test("an endpoint added on the webhooks page, with JavaScript off: its secret once, its events listed", async ({
  browser,
}) => {
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const page = await noScript.newPage();
  await signIn(page, DEMO_STAFF);
  await page.goto("/staff/webhooks");
  // Nothing chosen and a bad address: each told next to its field, what was typed kept.
  await page.getByLabel("Endpoint URL").fill("ftp://product.example/hooks");
  for (const box of await page.getByRole("checkbox").all()) await box.uncheck();
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByText("Use an https:// address (plain http only to localhost).")).toBeVisible();
  await expect(page.getByText("Choose at least one event.")).toBeVisible();
  await expect(page.getByLabel("Endpoint URL")).toHaveValue("ftp://product.example/hooks");
  // The boxes stay as the admin left them (unticked), not ticked again by the page's defaults.
  for (const box of await page.getByRole("checkbox").all()) await expect(box).not.toBeChecked();

  await page.getByLabel("Endpoint URL").fill("https://product.example/hooks/portal");
  await page.getByRole("checkbox", { name: /^brand\.approved/ }).check();
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const secret = await page.getByTestId("webhook-secret").inputValue();
  expect(secret).toMatch(/^whsec_/);
  await page.goto("/staff/webhooks");
  await expect(page.getByRole("list", { name: "Webhook endpoints" })).toContainText(
    "https://product.example/hooks/portal",
  );
  await expect(page.getByRole("list", { name: "Webhook endpoints" })).toContainText("brand.approved");
  expect(await page.content()).not.toContain(secret.slice(6));
  await noScript.close();
});

test("a CSV of customers checked on the import page: bad rows listed by line and column, then a clean file imported", async ({
  page,
}) => {
  await signIn(page, DEMO_STAFF);
  await page.goto("/staff/imports");
  const header = "organization_name,external_id,first_user_email,first_user_name,business_type";
  const upload = async (name: string, lines: string[]) => {
    await page.getByLabel("Customer file (CSV)").setInputFiles({
      name,
      mimeType: "text/csv",
      buffer: Buffer.from([header, ...lines].join("\n")),
    });
    await page.getByRole("button", { name: "Check the file" }).click();
  };
  await upload("bad.csv", [
    "CSV One Co,e2e-csv-1,one@csv-import.example,Ona One,Corporation",
    "CSV Two Co,e2e-csv-2,not-an-email,Tom Two,Shop",
  ]);
  await expect(page.getByRole("alert").filter({ hasText: "bad.csv: nothing was imported" })).toBeVisible();
  const problems = page.getByRole("table", { name: "Problems in the file" });
  await expect(problems.getByRole("row", { name: /3 first_user_email Enter an email address/ })).toBeVisible();
  await expect(problems.getByRole("row", { name: /3 business_type Choose your business type/ })).toBeVisible();
  expect(query('SELECT id FROM "Organization" WHERE "externalId" LIKE \'e2e-csv-%\'')).toHaveLength(0);

  await upload("clean.csv", [
    "CSV One Co,e2e-csv-1,one@csv-import.example,Ona One,Corporation",
    "CSV Two Co,e2e-csv-2,two@csv-import.example,Tom Two,Corporation",
  ]);
  await page.getByRole("button", { name: "Import 2 customers" }).click();
  // The import runs in the background; the page follows its progress on its own.
  const run = page.getByRole("listitem", { name: "Import clean.csv" });
  await expect(run).toContainText("2 of 2 rows: 2 invited", { timeout: 30_000 });
  await expect(run).toContainText("Done");
  expect(query('SELECT id FROM "Organization" WHERE "externalId" LIKE \'e2e-csv-%\'')).toHaveLength(2);
  expect(query("SELECT name FROM \"Invitation\" WHERE email = 'one@csv-import.example'")).toEqual([
    { name: "Ona One" },
  ]);
});

test("white label: a brand colour checked for contrast and a logo (JavaScript off), an email's wording previewed and saved", async ({
  browser,
}) => {
  const onePixelPng = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    "base64",
  );
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const page = await noScript.newPage();
  await signIn(page, DEMO_STAFF);
  await page.goto("/staff/settings");
  await page.getByLabel("Brand colour").fill("#ffcc00");
  await page.getByRole("button", { name: "Save branding" }).click();
  await expect(page.getByText(/^White text on this colour is hard to read \(contrast 1\.\d\d:1/)).toBeVisible();
  await expect(page.getByLabel("Brand colour")).toHaveValue("#ffcc00");
  await expect(page.getByLabel("Brand colour")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Brand colour").fill("#0f766e");
  await page.getByLabel("New logo").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: onePixelPng });
  await page.getByRole("button", { name: "Save branding" }).click();
  await expect(page.getByText("Branding saved: every page and email uses it now.")).toBeVisible();
  await page.goto("/staff");
  expect(await page.locator("html").getAttribute("style")).toContain("--color-brand-700:#0f766e");
  await expect(page.getByRole("banner").locator("img").first()).toHaveAttribute(
    "src",
    /^\/api\/branding\/logo\?v=\d+$/,
  );
  await noScript.close();

  const admin = await browser.newPage();
  await signIn(admin, DEMO_STAFF);
  await admin.goto("/staff/emails");
  await admin.getByRole("link", { name: "Changes requested" }).click();
  await admin.getByLabel("Subject").fill("[Teal] {{subject}}");
  await admin.getByLabel("Text").fill("Hello {{organization}},\n\n{{details}}");
  await admin.getByRole("button", { name: "Save" }).click();
  await expect(
    admin.getByText("Keep {{link}} in the text: it is how the customer gets back to the portal."),
  ).toBeVisible();
  await admin.getByLabel("Text").fill("Hello {{organization}},\n\n{{details}}\n{{link}}");
  await admin.getByRole("button", { name: "Preview" }).click();
  await expect(admin.getByTestId("preview-subject")).toHaveText("[Teal] Please update your messaging registration");
  await expect(admin.getByTestId("preview-text")).toContainText("Hello Acme Plumbing,");
  await admin.getByRole("button", { name: "Save" }).click();
  await expect(admin.getByText("Saved: customers receive this wording from now on.")).toBeVisible();
  await admin.goto("/staff/emails");
  await expect(admin.getByRole("listitem").filter({ hasText: "Changes requested" })).toContainText("Your wording");

  // Back to the portal's own wording and colours, for the tests after this one.
  await admin.goto("/staff/emails/registration_changes");
  await admin.getByRole("button", { name: "Use the portal's wording" }).click();
  await expect(admin.getByText("Back to the portal's own wording.")).toBeVisible();
  await expect(admin.getByLabel("Subject")).toHaveValue("{{subject}}");
  await admin.goto("/staff/settings");
  await admin.getByLabel("Brand colour").fill("");
  await admin.getByLabel("Remove the logo (use the portal's own)").check();
  await admin.getByRole("button", { name: "Save branding" }).click();
  await expect(admin.getByText("Branding saved: every page and email uses it now.")).toBeVisible();
  await admin.close();
});
