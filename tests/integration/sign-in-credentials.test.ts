import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { checkCredentials } from "@/lib/server/auth/credentials";
import { makeOrganization, makeUser } from "../support/factories";

const limits = { maxPerAccount: 5, maxPerIp: 20, windowMinutes: 15 };

describe("password sign-in (real SQLite)", () => {
  it("signs in staff and customers with the right password, case-insensitively by email", async () => {
    const { user: staff, password } = await makeUser({ role: "STAFF" });
    const result = await checkCredentials(
      db,
      { email: staff.email.toUpperCase(), password, ip: "203.0.113.1" },
      limits,
    );
    expect(result.ok && result.user.id).toBe(staff.id);

    const { organization } = await makeOrganization();
    const customer = await makeUser({ role: "CUSTOMER", organizationId: organization.id });
    const customerResult = await checkCredentials(
      db,
      { email: customer.user.email, password: customer.password, ip: "203.0.113.1" },
      limits,
    );
    expect(customerResult.ok && customerResult.user.organizationId).toBe(organization.id);
    expect((await db.user.findUniqueOrThrow({ where: { id: customer.user.id } })).lastSignInAt).not.toBeNull();
  });

  it("refuses a wrong password and an unknown account alike", async () => {
    const { user } = await makeUser({ role: "STAFF" });
    expect(await checkCredentials(db, { email: user.email, password: "wrong", ip: "203.0.113.2" }, limits)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(
      await checkCredentials(db, { email: "nobody@example.test", password: "wrong", ip: "203.0.113.2" }, limits),
    ).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks an account after 5 failures, even against the right password, and says for how long", async () => {
    const { user, password } = await makeUser({
      role: "CUSTOMER",
      organizationId: (await makeOrganization()).organization.id,
    });
    for (let i = 0; i < 5; i++) {
      // Failures from different IPs still count against the account.
      await checkCredentials(db, { email: user.email, password: "wrong", ip: `198.51.100.${i}` }, limits);
    }
    const locked = await checkCredentials(db, { email: user.email, password, ip: "198.51.100.99" }, limits);
    expect(locked).toMatchObject({ ok: false, reason: "rate_limited", scope: "account" });
    expect(locked.ok === false && locked.reason === "rate_limited" && locked.retryAfterSeconds).toBeGreaterThan(
      14 * 60,
    );
  });

  it("the lock lifts when the window has passed", async () => {
    const { user, password } = await makeUser({ role: "STAFF" });
    const longAgo = new Date(Date.now() - 16 * 60_000);
    await db.signInFailure.createMany({
      data: Array.from({ length: 5 }, () => ({ email: user.email, ip: "192.0.2.1", createdAt: longAgo })),
    });
    const result = await checkCredentials(db, { email: user.email, password, ip: "192.0.2.1" }, limits);
    expect(result.ok).toBe(true);
  });

  it("limits one IP address across many accounts", async () => {
    const ip = "192.0.2.77";
    for (let i = 0; i < 20; i++) {
      await checkCredentials(db, { email: `spray-${i}@example.test`, password: "guess", ip }, limits);
    }
    const { user, password } = await makeUser({ role: "STAFF" });
    expect(await checkCredentials(db, { email: user.email, password, ip }, limits)).toMatchObject({
      ok: false,
      reason: "rate_limited",
      scope: "ip",
    });
    // The same account from another address is fine.
    expect((await checkCredentials(db, { email: user.email, password, ip: "192.0.2.78" }, limits)).ok).toBe(true);
  });

  it("a successful sign-in clears the account's earlier failures", async () => {
    const { user, password } = await makeUser({ role: "STAFF" });
    for (let i = 0; i < 4; i++)
      await checkCredentials(db, { email: user.email, password: "wrong", ip: "192.0.2.5" }, limits);
    expect((await checkCredentials(db, { email: user.email, password, ip: "192.0.2.5" }, limits)).ok).toBe(true);
    expect(await db.signInFailure.count({ where: { email: user.email } })).toBe(0);
  });
});
