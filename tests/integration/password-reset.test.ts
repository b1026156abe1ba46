import { describe, expect, it } from "vitest";

import { checkCredentials } from "@/lib/server/auth/credentials";
import { db } from "@/lib/server/db";
import { passwordResetLinkStatus, requestPasswordReset, resetPassword } from "@/lib/server/passwords/password-reset";

import { makeUser } from "../support/factories";
import { mailOutbox } from "../support/mail-outbox";

const limits = { maxPerAccount: 5, maxPerIp: 20, maxPerAccountAllAddresses: 50, windowMinutes: 15 };
const tokenOf = (link: string) => new URL(link).pathname.split("/").pop()!;
let nextAddress = 1;
/** Each request from its own address, so that the per-address limit stays out of these tests. */
async function linkFor(email: string): Promise<string> {
  const outcome = await requestPasswordReset(email, `198.18.0.${nextAddress++}`);
  if (outcome.limited || !outcome.link) throw new Error("no link was sent");
  return outcome.link;
}

describe("password reset (real SQLite)", () => {
  it("the emailed link sets a new password once, ends older sessions and clears the lockout", async () => {
    const { user, password } = await makeUser({ role: "STAFF" });
    for (let i = 0; i < 5; i++)
      await checkCredentials(db, { email: user.email, password: "wrong", ip: "192.0.2.2" }, limits);
    expect(await checkCredentials(db, { email: user.email, password, ip: "192.0.2.2" }, limits)).toMatchObject({
      reason: "rate_limited",
    });
    const token = tokenOf(await linkFor(user.email.toUpperCase()));

    expect(await resetPassword(token, "a brand new passphrase")).toEqual({ ok: true, email: user.email });
    const updated = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(updated.sessionVersion).toBe(user.sessionVersion + 1);
    expect((await checkCredentials(db, { email: user.email, password, ip: "192.0.2.2" }, limits)).ok).toBe(false);
    expect(
      (await checkCredentials(db, { email: user.email, password: "a brand new passphrase", ip: "192.0.2.2" }, limits))
        .ok,
    ).toBe(true);

    expect(await passwordResetLinkStatus(token)).toBe("used");
    expect((await resetPassword(token, "yet another passphrase")).ok).toBe(false);
  });

  it("says nothing about unknown addresses", async () => {
    expect(await requestPasswordReset("nobody@example.test", "192.0.2.40")).toEqual({ limited: false, link: null });
  });

  it("expired, superseded and tampered links are refused", async () => {
    const { user } = await makeUser({ role: "STAFF" });
    const first = tokenOf(await linkFor(user.email));
    const second = tokenOf(await linkFor(user.email));
    expect(await passwordResetLinkStatus(first)).toBe("expired");
    expect(await passwordResetLinkStatus(second, new Date(Date.now() + 61 * 60_000))).toBe("expired");
    expect(await passwordResetLinkStatus(second.replace(/^./, (c) => (c === "x" ? "y" : "x")))).toBe("invalid");
    expect(await passwordResetLinkStatus(second)).toBe("valid");
  });

  it("is limited per account (silently: same answer, no email) and per address (said)", async () => {
    const { user } = await makeUser({ role: "STAFF" });
    const outbox = mailOutbox();
    const before = outbox.count(user.email);
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await requestPasswordReset(user.email, `198.19.0.${i}`));
    // Three emails an hour per account; the next requests get the same answer and no email.
    expect(answers.map((answer) => !answer.limited && answer.link !== null)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(answers.every((answer) => !answer.limited)).toBe(true);
    await expect.poll(() => outbox.count(user.email) - before).toBe(3);

    const address = "198.19.1.1";
    const fromOneAddress = [];
    for (let i = 0; i < 11; i++) fromOneAddress.push(await requestPasswordReset(`someone-${i}@example.test`, address));
    expect(fromOneAddress.slice(0, 10).every((answer) => !answer.limited)).toBe(true);
    expect(fromOneAddress[10]).toMatchObject({ limited: true });
  });

  it("takes the same time whether or not the account exists", async () => {
    const { user } = await makeUser({ role: "STAFF" });
    const timed = async (email: string, ip: string) => {
      const started = performance.now();
      await requestPasswordReset(email, ip);
      return performance.now() - started;
    };
    const known = await timed(user.email, "198.20.0.1");
    const unknown = await timed("no-such-account@example.test", "198.20.0.2");
    // Both are held to the same floor (300 ms); neither waits for the email to be sent.
    expect(known).toBeGreaterThanOrEqual(295);
    expect(unknown).toBeGreaterThanOrEqual(295);
    expect(Math.abs(known - unknown)).toBeLessThan(150);
  });
});
