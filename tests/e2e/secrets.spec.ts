import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

import { EXAMPLE_AUTH_SECRET } from "../../lib/server/env-schema";
import { DEFAULT_AUTH_TOKEN } from "../../sandbox/defaults";
import { E2E } from "./support/e2e-env";
import { DEMO_STAFF, signIn } from "./support/fixtures";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

test("no secret is in the browser bundle or in a page", async ({ page }) => {
  const secrets = [E2E.serverEnv.AUTH_SECRET!, EXAMPLE_AUTH_SECRET, DEFAULT_AUTH_TOKEN];
  const bundle = files(path.resolve(__dirname, "../../.next/static")).filter((file) =>
    /\.(js|css|html|json)$/.test(file),
  );
  expect(bundle.length).toBeGreaterThan(0);
  for (const file of bundle) {
    const text = readFileSync(file, "utf8");
    for (const secret of secrets) expect(text.includes(secret), `${file} contains a secret`).toBe(false);
  }
  await signIn(page, DEMO_STAFF);
  for (const path of [
    "/staff",
    "/staff/settings",
    "/staff/team",
    "/staff/api-keys",
    "/staff/webhooks",
    "/staff/imports",
    "/staff/emails",
    "/staff/emails/invitation",
    "/staff/adoption",
    "/developers/api",
  ]) {
    await page.goto(path);
    const html = await page.content();
    for (const secret of secrets) expect(html.includes(secret), `${path} shows a secret`).toBe(false);
  }
});
