import { expect, test, type Page } from "@playwright/test";

import { E2E } from "./support/e2e-env";
import { alerts, attemptSignIn, DEMO_CUSTOMER, DEMO_STAFF, uniqueEmail } from "./support/fixtures";

/** Every URL the page requested or navigated to, to check that no secret ever lands in one. */
function recordUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  page.on("framenavigated", (frame) => urls.push(frame.url()));
  return urls;
}

test.describe("forms before hydration", () => {
  test.use({ javaScriptEnabled: false });

  test("sign-in posts without JavaScript: it works, and the password never reaches a URL", async ({ page }) => {
    const urls = recordUrls(page);
    await page.goto("/sign-in");
    await expect(page.locator("form")).toHaveAttribute("method", /^post$/i);
    await page.getByLabel("Email").fill(DEMO_CUSTOMER.email);
    await page.getByLabel("Password").fill(DEMO_CUSTOMER.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/home$/);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(url).not.toContain(encodeURIComponent(DEMO_CUSTOMER.password));
      expect(url).not.toContain("customer-demo-pass");
      expect(url).not.toContain("password=");
    }
  });

  test("a wrong password without JavaScript says so next to the form and keeps the email", async ({ page }) => {
    const urls = recordUrls(page);
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(DEMO_STAFF.email);
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alerts(page)).toContainText("The email or password is not correct.");
    await expect(page.getByLabel("Email")).toHaveValue(DEMO_STAFF.email);
    await expect(page.getByLabel("Password")).toHaveValue("");
    for (const url of urls) expect(url).not.toContain("not%20the%20password");
  });

  test("forgot password posts without JavaScript", async ({ page }) => {
    const urls = recordUrls(page);
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill("someone-without-js@example.net");
    await page.getByRole("button", { name: "Email me a reset link" }).click();
    await expect(page.getByRole("status")).toContainText("If an account uses that address");
    for (const url of urls) expect(url).not.toContain("someone-without-js");
  });
});

test("every hostile callbackUrl lands on the portal's own origin after sign-in", async ({ page }) => {
  const hostile = [
    "/\t/evil.example",
    "/%09/evil.example",
    "/\n/evil.example",
    "/%0a/evil.example",
    "/\\evil.example",
    "/%5C/evil.example",
    "/%2F/evil.example",
    "%2F%2Fevil.example",
    "https:evil.example",
    "https://evil.example",
    "javascript:alert(document.domain)",
    "//evil.example",
  ];
  for (const value of hostile) {
    await page.context().clearCookies();
    // The raw value in the address, as an attacker's link would carry it.
    await page.goto(`/sign-in?callbackUrl=${value.replace(/\t/g, "%09").replace(/\n/g, "%0A")}`);
    await page.getByLabel("Email").fill(DEMO_STAFF.email);
    await page.getByLabel("Password").fill(DEMO_STAFF.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).not.toHaveURL(/\/sign-in/);
    expect(new URL(page.url()).origin, value).toBe(E2E.baseUrl);
  }
});

test("X-Forwarded-For cannot dodge the sign-in limit, and its message is the portal's own", async ({ page }) => {
  const email = uniqueEmail("locked");
  for (let i = 0; i < 5; i++) {
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": `198.51.100.${i + 1}` });
    await attemptSignIn(page, { email, password: `guess ${i}` });
    await expect(alerts(page)).toContainText("The email or password is not correct.");
  }
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": "198.51.100.99" });
  await attemptSignIn(page, { email, password: "another guess" });
  await expect(alerts(page).first()).toContainText("Too many failed sign-in attempts. Try again in");
  await expect(page.getByText(/authjs|errors\.authjs\.dev|Read more/)).toHaveCount(0);
});

test("pages carry the security headers and work under the Content-Security-Policy", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy|Refused to (load|execute|apply)/i.test(message.text()))
      violations.push(message.text());
  });
  const response = await page.goto("/sign-in");
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("unsafe-eval");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["strict-transport-security"]).toContain("max-age=");
  // A nonce is new on every request.
  const again = (await page.request.get("/sign-in")).headers()["content-security-policy"];
  expect(again).not.toBe(csp);

  // The pages still work under the policy: the sign-in form answers in place, signs in, a live dashboard.
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter an email address.")).toBeVisible();
  await page.getByLabel("Email").fill(DEMO_STAFF.email);
  await page.getByLabel("Password").fill(DEMO_STAFF.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/staff/);
  await page.goto("/staff");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});
