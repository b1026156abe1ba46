import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { checkCredentials } from "@/lib/server/auth/credentials";
import { passwordResetLinkStatus, requestPasswordReset, resetPassword } from "@/lib/server/passwords/password-reset";
import { makeUser } from "../support/factories";

const limits = { maxPerAccount: 5, maxPerIp: 20, windowMinutes: 15 };
const tokenOf = (link: string) => new URL(link).pathname.split("/").pop()!;

describe("password reset (real SQLite)", () => {
  it("the emailed link sets a new password once, ends older sessions and clears the lockout", async () => {
    const { user, password } = await makeUser({ role: "STAFF" });
    await db.signInFailure.createMany({
      data: Array.from({ length: 5 }, () => ({ email: user.email, ip: "192.0.2.1" })),
    });
    const requested = await requestPasswordReset(user.email.toUpperCase());
    expect(requested?.link).toMatch(/^http:\/\/portal\.test\/reset-password\//);
    const token = tokenOf(requested!.link);

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
    expect(await requestPasswordReset("nobody@example.test")).toBeNull();
  });

  it("expired, superseded and tampered links are refused", async () => {
    const { user } = await makeUser({ role: "STAFF" });
    const first = tokenOf((await requestPasswordReset(user.email))!.link);
    const second = tokenOf((await requestPasswordReset(user.email))!.link);
    expect(await passwordResetLinkStatus(first)).toBe("expired");
    expect(await passwordResetLinkStatus(second, new Date(Date.now() + 61 * 60_000))).toBe("expired");
    expect(await passwordResetLinkStatus(second.replace(/^./, (c) => (c === "x" ? "y" : "x")))).toBe("invalid");
    expect(await passwordResetLinkStatus(second)).toBe("valid");
  });
});
