import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

import { weakPasswordReason } from "@/lib/auth/password-strength";
import { checkCredentials } from "@/lib/server/auth/credentials";
import { db } from "@/lib/server/db";

/** The real `npm run admin:create` command, on this test file's database, password on stdin. */
function adminCreate(args: string[], password: string) {
  const run = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/create-admin.ts", ...args, "--password-stdin"],
    { input: `${password}\n`, encoding: "utf8", env: { ...process.env, NODE_ENV: "production" }, timeout: 60_000 },
  );
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

const limits = { maxPerAccount: 5, maxPerIp: 20, maxPerAccountAllAddresses: 50, windowMinutes: 15 };

describe("npm run admin:create", () => {
  it("creates an administrator who can sign in", async () => {
    const run = adminCreate(["--email", "First.Admin@ISV.example", "--name", "First Admin"], "correct horse battery");
    expect(run.output).toContain("first.admin@isv.example can now sign in as an administrator");
    expect(run.code).toBe(0);
    const user = await db.user.findUniqueOrThrow({ where: { email: "first.admin@isv.example" } });
    expect(user.role).toBe("ADMIN");
    expect(user.organizationId).toBeNull();
    const signIn = await checkCredentials(
      db,
      { email: "first.admin@isv.example", password: "correct horse battery", ip: "192.0.2.10" },
      limits,
    );
    expect(signIn.ok).toBe(true);
    expect(await db.auditLog.count({ where: { targetId: user.id, action: "user.admin_created_from_cli" } })).toBe(1);
  });

  it("refuses weak passwords, an existing address and missing flags, creating nothing", async () => {
    for (const weak of [
      "short",
      "password1234",
      "aaaaaaaaaaaaaaaa",
      "1234567890123",
      "qwertyuiopasdf",
      "weak.admin2026!",
    ]) {
      const run = adminCreate(["--email", "weak.admin@isv.example", "--name", "Weak Admin"], weak);
      expect(run.code, weak).toBe(1);
      expect(run.output, weak).toMatch(/password: /);
    }
    expect(await db.user.count({ where: { email: "weak.admin@isv.example" } })).toBe(0);

    adminCreate(["--email", "twice@isv.example", "--name", "Twice"], "a long and fine passphrase");
    const again = adminCreate(["--email", "twice@isv.example", "--name", "Twice"], "another fine passphrase");
    expect(again.code).toBe(1);
    expect(again.output).toContain("already has an account");

    const noEmail = adminCreate(["--name", "Nobody"], "a long and fine passphrase");
    expect(noEmail.code).toBe(1);
    expect(noEmail.output).toContain("Usage: npm run admin:create");
  });

  it("explains each kind of weak password", () => {
    expect(weakPasswordReason("password12345")).toMatch(/most common/);
    expect(weakPasswordReason("zzzzzzzzzzzzzz")).toMatch(/repeats/);
    expect(weakPasswordReason("abcdefghijklm")).toMatch(/run of keys/);
    expect(weakPasswordReason("jane.doe-secret-2026", "jane.doe@example.com")).toMatch(/email/);
    expect(weakPasswordReason("correct horse battery")).toBeNull();
  });
});
