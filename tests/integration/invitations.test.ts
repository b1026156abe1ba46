import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { checkCredentials } from "@/lib/server/auth/credentials";
import { db } from "@/lib/server/db";
import { acceptInvitation } from "@/lib/server/invitations/accept-invitation";
import { createInvitation, EmailTakenError } from "@/lib/server/invitations/create-invitation";
import { findInvitation } from "@/lib/server/invitations/find-invitation";
import { createCustomerOrganization } from "@/lib/server/organizations/create-customer-organization";

import { makeUser } from "../support/factories";

const limits = { maxPerAccount: 5, maxPerIp: 20, maxPerAccountAllAddresses: 50, windowMinutes: 15 };
const tokenOf = (link: string) => new URL(link).pathname.split("/").pop()!;

async function newCustomerInvitation(email = `first-${Math.random().toString(36).slice(2)}@customer.test`) {
  const { user: staff } = await makeUser({ role: "STAFF" });
  const created = await createCustomerOrganization({ organizationName: "Globex LLC", email }, staff.id);
  return { ...created, email, staff, token: tokenOf(created.link) };
}

describe("invitations (real SQLite)", () => {
  it("staff create a customer: organization, empty application, a 7-day link, an outbox mail and audit entries", async () => {
    const { organization, link, email, expiresAt } = await newCustomerInvitation();
    expect(link).toMatch(/^http:\/\/portal\.test\/invite\/[A-Za-z0-9_-]{43}$/);
    const days = (expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    const application = await db.onboardingApplication.findFirstOrThrow({ where: { organizationId: organization.id } });
    expect(application).toMatchObject({ status: "DRAFT", version: 1, draft: {} });
    const stored = await db.invitation.findFirstOrThrow({ where: { email } });
    expect(stored.tokenHash).not.toContain(tokenOf(link));
    const actions = (await db.auditLog.findMany({ where: { organizationId: organization.id } })).map(
      (entry) => entry.action,
    );
    expect(actions).toEqual(expect.arrayContaining(["organization.created", "invitation.created"]));

    const outbox = process.env.MAIL_OUTBOX_DIR!;
    const mails = readdirSync(outbox).map((file) => JSON.parse(readFileSync(path.join(outbox, file), "utf8")));
    expect(mails.find((mail) => mail.to === email)?.text).toContain(link);
  });

  it("accepting sets a password, creates the customer user in that organization, and the password signs in", async () => {
    const { organization, email, token } = await newCustomerInvitation();
    const outcome = await acceptInvitation({ token, name: "Grace Hopper", password: "a fine passphrase" });
    expect(outcome.ok).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ role: "CUSTOMER", organizationId: organization.id, name: "Grace Hopper" });
    expect(user.passwordHash).toMatch(/^\$scrypt\$ln=15,r=8,p=3\$/);
    expect((await checkCredentials(db, { email, password: "a fine passphrase", ip: "192.0.2.9" }, limits)).ok).toBe(
      true,
    );
  });

  it("a used link cannot be used again", async () => {
    const { token } = await newCustomerInvitation();
    expect((await acceptInvitation({ token, name: "First", password: "a fine passphrase" })).ok).toBe(true);
    expect(await findInvitation(token)).toEqual({ status: "used" });
    expect(await acceptInvitation({ token, name: "Second", password: "another passphrase" })).toEqual({
      ok: false,
      message: "This invitation link has already been used. Sign in with your email and password instead.",
    });
  });

  it("two simultaneous acceptances of one link create exactly one account", async () => {
    const { token, email } = await newCustomerInvitation();
    const outcomes = await Promise.all([
      acceptInvitation({ token, name: "Tab one", password: "a fine passphrase" }),
      acceptInvitation({ token, name: "Tab two", password: "a fine passphrase" }),
    ]);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("an expired link is refused", async () => {
    const { token, email } = await newCustomerInvitation();
    expect((await findInvitation(token, new Date(Date.now() + 8 * 86_400_000))).status).toBe("expired");
    await db.invitation.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await acceptInvitation({ token, name: "Late", password: "a fine passphrase" })).toEqual({
      ok: false,
      message: "This invitation link has expired. Ask the person who invited you to send a new one.",
    });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("a tampered link finds nothing", async () => {
    const { token, email } = await newCustomerInvitation();
    const flipped = (token[0] === "A" ? "B" : "A") + token.slice(1);
    expect((await findInvitation(flipped)).status).toBe("invalid");
    expect((await findInvitation(token.slice(0, -1))).status).toBe("invalid");
    expect((await acceptInvitation({ token: flipped, name: "Mallory", password: "a fine passphrase" })).ok).toBe(false);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("a new invitation for the same address retires the older link", async () => {
    const { token, email, organization, staff } = await newCustomerInvitation();
    const second = await createInvitation({ email, role: "CUSTOMER", organizationId: organization.id }, staff.id);
    expect((await findInvitation(token)).status).toBe("expired");
    expect((await findInvitation(tokenOf(second.link))).status).toBe("valid");
  });

  it("cannot invite an address that already has an account", async () => {
    const { user: staff } = await makeUser({ role: "ADMIN" });
    const { user: existing } = await makeUser({ role: "STAFF" });
    await expect(createInvitation({ email: existing.email, role: "STAFF" }, staff.id)).rejects.toBeInstanceOf(
      EmailTakenError,
    );
  });

  it("a staff invitation creates a staff user with no organization", async () => {
    const { user: admin } = await makeUser({ role: "ADMIN" });
    const { link } = await createInvitation({ email: "new-staff@isv.test", role: "ADMIN" }, admin.id);
    const outcome = await acceptInvitation({ token: tokenOf(link), name: "New Admin", password: "a fine passphrase" });
    expect(outcome.ok && { role: outcome.user.role, organizationId: outcome.user.organizationId }).toEqual({
      role: "ADMIN",
      organizationId: null,
    });
  });

  it("a staff member cannot cancel an administrator's open staff invitation by inviting the address as a customer (#26 line 8)", async () => {
    const { user: admin } = await makeUser({ role: "ADMIN" });
    const email = "future-admin@isv.test";
    const { link } = await createInvitation({ email, role: "ADMIN" }, admin.id);
    const { user: staff } = await makeUser({ role: "STAFF" });
    const { organization } = await newCustomerInvitation();
    await expect(
      createInvitation({ email, role: "CUSTOMER", organizationId: organization.id }, staff.id),
    ).rejects.toThrow(/open staff invitation; only an administrator/);
    expect(await findInvitation(tokenOf(link))).toMatchObject({ status: "valid" });
    // An administrator may replace it.
    await createInvitation({ email, role: "CUSTOMER", organizationId: organization.id }, admin.id);
    expect(await findInvitation(tokenOf(link))).toMatchObject({ status: "expired" });
  });
});
