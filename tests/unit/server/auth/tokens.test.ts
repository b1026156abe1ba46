import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";

import { acceptInvitationSchema } from "@/lib/auth/schema";
import { hashPassword, needsRehash, verifyPassword } from "@/lib/server/auth/password";
import { createLinkToken, hashLinkToken, looksLikeLinkToken } from "@/lib/server/auth/tokens";

describe("link tokens", () => {
  it("are random, 43 url-safe characters, stored only as their SHA-256", () => {
    const a = createLinkToken();
    const b = createLinkToken();
    expect(a.token).not.toBe(b.token);
    expect(looksLikeLinkToken(a.token)).toBe(true);
    expect(a.tokenHash).toBe(hashLinkToken(a.token));
    expect(a.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.tokenHash).not.toContain(a.token);
  });

  it("anything else is not a token", () => {
    expect(looksLikeLinkToken("short")).toBe(false);
    expect(looksLikeLinkToken(`${"a".repeat(42)}!`)).toBe(false);
  });
});

describe("passwords", () => {
  it("are stored as salted scrypt hashes in the PHC format, with their parameters", async () => {
    const first = await hashPassword("a long enough password");
    const second = await hashPassword("a long enough password");
    expect(first).toMatch(/^\$scrypt\$ln=15,r=8,p=3\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword("a long enough password", first)).toBe(true);
    expect(await verifyPassword("a long enough passwore", first)).toBe(false);
    expect(needsRehash(first)).toBe(false);
  });

  it("bcrypt hashes made before #27 still verify, and are marked to be replaced", async () => {
    const legacy = await bcrypt.hash("a long enough password", 4);
    expect(await verifyPassword("a long enough password", legacy)).toBe(true);
    expect(await verifyPassword("a long enough passwore", legacy)).toBe(false);
    expect(needsRehash(legacy)).toBe(true);
  });

  it("a hash with other parameters verifies with its own and is marked; a mangled one never verifies", async () => {
    const current = await hashPassword("a long enough password");
    const [, , , salt] = current.split("$");
    const { scryptSync } = await import("node:crypto");
    const key = scryptSync("a long enough password", Buffer.from(salt!, "base64"), 32, { N: 2 ** 14, r: 8, p: 1 });
    const older = `$scrypt$ln=14,r=8,p=1$${salt}$${key.toString("base64")}`;
    expect(await verifyPassword("a long enough password", older)).toBe(true);
    expect(needsRehash(older)).toBe(true);
    expect(await verifyPassword("a long enough password", current.replace("ln=15", "ln=30"))).toBe(false);
    expect(await verifyPassword("a long enough password", current.slice(0, -4))).toBe(false);
    expect(await verifyPassword("a long enough password", "not a hash")).toBe(false);
  });

  it("new passwords need 12 characters, at most 72 bytes, and a matching confirmation", () => {
    const base = { token: "t", name: "Ada" };
    const messages = (password: string, confirmPassword = password) => {
      const result = acceptInvitationSchema.safeParse({ ...base, password, confirmPassword });
      return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    };
    expect(messages("short")).toEqual(["password: Use at least 12 characters."]);
    expect(messages("é".repeat(40))).toEqual(["password: Use at most 72 characters."]);
    expect(messages("twelve chars ok", "twelve chars ko")).toEqual([
      "confirmPassword: The two passwords do not match.",
    ]);
    expect(messages("twelve chars ok")).toEqual([]);
  });
});
