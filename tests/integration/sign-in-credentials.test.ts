import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";

import { checkCredentials } from "@/lib/server/auth/credentials";
import { db } from "@/lib/server/db";

import { makeOrganization, makeUser } from "../support/factories";

const limits = { maxPerAccount: 5, maxPerIp: 20, maxPerAccountAllAddresses: 12, windowMinutes: 15 };

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

  it("a bcrypt hash from before #27 signs in once more and is replaced by scrypt; a wrong password replaces nothing", async () => {
    const { user, password } = await makeUser({ role: "STAFF" });
    const legacy = await bcrypt.hash(password, 4);
    await db.user.update({ where: { id: user.id }, data: { passwordHash: legacy } });

    expect(await checkCredentials(db, { email: user.email, password: "wrong", ip: "203.0.113.9" }, limits)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(legacy);

    const first = await checkCredentials(db, { email: user.email, password, ip: "203.0.113.9" }, limits);
    expect(first.ok).toBe(true);
    const upgraded = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash!;
    expect(upgraded).toMatch(/^\$scrypt\$ln=15,r=8,p=3\$/);
    // The new hash is the same password: the next sign-in works and leaves it as it is.
    const second = await checkCredentials(db, { email: user.email, password, ip: "203.0.113.9" }, limits);
    expect(second.ok).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(upgraded);
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

  it("locks an account for one address after 5 failures from it, even against the right password, and says for how long", async () => {
    const { user, password } = await makeUser({
      role: "CUSTOMER",
      organizationId: (await makeOrganization()).organization.id,
    });
    for (let i = 0; i < 5; i++)
      await checkCredentials(db, { email: user.email, password: "wrong", ip: "198.51.100.7" }, limits);
    const locked = await checkCredentials(db, { email: user.email, password, ip: "198.51.100.7" }, limits);
    expect(locked).toMatchObject({ ok: false, reason: "rate_limited", scope: "account" });
    expect(locked.ok === false && locked.reason === "rate_limited" && locked.retryAfterSeconds).toBeGreaterThan(
      14 * 60,
    );
  });

  it("failures from other addresses do not lock the real user out of theirs", async () => {
    const { user, password } = await makeUser({ role: "ADMIN" });
    // An attacker guessing the administrator's password from two addresses, five times each…
    for (let address = 0; address < 2; address++)
      for (let i = 0; i < 5; i++)
        await checkCredentials(db, { email: user.email, password: "guess", ip: `203.0.113.${address}` }, limits);
    // …is locked out there, while the administrator signs in from the office.
    expect(await checkCredentials(db, { email: user.email, password, ip: "203.0.113.1" }, limits)).toMatchObject({
      reason: "rate_limited",
    });
    expect((await checkCredentials(db, { email: user.email, password, ip: "192.0.2.200" }, limits)).ok).toBe(true);
  });

  it("a slower limit over all addresses together still stops a distributed guess", async () => {
    const { user, password } = await makeUser({ role: "STAFF" });
    for (let i = 0; i < 12; i++)
      await checkCredentials(db, { email: user.email, password: "guess", ip: `203.0.114.${i}` }, limits);
    expect(await checkCredentials(db, { email: user.email, password, ip: "192.0.2.201" }, limits)).toMatchObject({
      reason: "rate_limited",
      scope: "account_all_addresses",
    });
  });

  it("counters live in the database and expire with their window", async () => {
    const { user } = await makeUser({ role: "STAFF" });
    await checkCredentials(db, { email: user.email, password: "wrong", ip: "192.0.2.55" }, limits);
    const rows = await db.rateLimit.findMany({ where: { key: { contains: user.email } } });
    expect(rows.map((row) => row.key).sort()).toEqual([
      `sign-in:account:${user.email}`,
      `sign-in:pair:${user.email}|192.0.2.55`,
    ]);
    for (const row of rows) {
      const minutesLeft = (row.expire!.getTime() - Date.now()) / 60_000;
      expect(minutesLeft).toBeGreaterThan(14);
      expect(minutesLeft).toBeLessThanOrEqual(15);
    }
  });

  it("the lock lifts when the window has passed", async () => {
    const { user, password } = await makeUser({ role: "STAFF" });
    for (let i = 0; i < 5; i++)
      await checkCredentials(db, { email: user.email, password: "wrong", ip: "192.0.2.1" }, limits);
    expect((await checkCredentials(db, { email: user.email, password, ip: "192.0.2.1" }, limits)).ok).toBe(false);
    // The window ends: the store treats an expired row as gone.
    await db.rateLimit.updateMany({
      where: { key: { contains: user.email } },
      data: { expire: new Date(Date.now() - 1000) },
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
    expect(await db.rateLimit.count({ where: { key: `sign-in:pair:${user.email}|192.0.2.5` } })).toBe(0);
  });

  it("without a trusted address, twenty wrong passwords from anyone do not lock sign-in for everyone (#26 line 7)", async () => {
    const organizationId = (await makeOrganization()).organization.id;
    const { user: victim, password } = await makeUser({ role: "CUSTOMER", organizationId });
    for (let i = 0; i < limits.maxPerIp + 5; i++)
      await checkCredentials(db, { email: `guess-${i}@example.test`, password: "wrong", ip: "unknown" }, limits);
    expect((await checkCredentials(db, { email: victim.email, password, ip: "unknown" }, limits)).ok).toBe(true);
    expect(await db.rateLimit.count({ where: { key: "sign-in:ip:unknown" } })).toBe(0);
    // Each account keeps its own limit.
    for (let i = 0; i < limits.maxPerAccount; i++)
      await checkCredentials(db, { email: victim.email, password: "wrong", ip: "unknown" }, limits);
    expect(await checkCredentials(db, { email: victim.email, password, ip: "unknown" }, limits)).toMatchObject({
      ok: false,
      reason: "rate_limited",
    });
  });
});
