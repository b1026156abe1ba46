import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { runRotateDataKey } from "../support/rotate-data-key";

// This file's portal runs with explicit keys, as production does.
const k1 = Buffer.alloc(32, 11).toString("base64");
const k2 = Buffer.alloc(32, 22).toString("base64");
process.env.DATA_ENCRYPTION_KEYS = `k1:${k1}`;

const { db } = await import("@/lib/server/db");
const { saveDraft, submitApplication } = await import("@/lib/server/applications/application-draft");
const { readStoredDraft } = await import("@/lib/server/applications/stored-draft");
const { listDashboard } = await import("@/lib/server/dashboard/list-dashboard");
const { audit } = await import("@/lib/server/audit/audit");
const { keyringFrom } = await import("@/lib/server/crypto/data-keys");
const { decryptField, encryptedWith } = await import("@/lib/server/crypto/field-cipher");
const { describeErrorForLog, redactText } = await import("@/lib/logging/redact");
const { makeOrganization, makeUser } = await import("../support/factories");
const { ACME } = await import("../support/acme");

const SECRETS = ["12-3456789", "123456789", "jdoe@example.com", "555-7890", "5557890", "brand@acme.example"];

/**
 * The whole database as a stolen copy would hold it: on SQLite the bytes on disk (main file and
 * write-ahead log, checkpointed first); on PostgreSQL every row of every table as text (a dump).
 */
async function databaseBytes(): Promise<string> {
  const url = process.env.DATABASE_URL!;
  if (!url.startsWith("file:")) {
    const tables = await db.$queryRaw<{ name: string }[]>`
      SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = 'public'`;
    const rows: string[] = [];
    for (const { name } of tables) {
      const dumped = await db.$queryRawUnsafe<{ line: string }[]>(`SELECT t::text AS line FROM "${name}" t`);
      rows.push(...dumped.map((entry) => entry.line));
    }
    return rows.join("\n");
  }
  await db.$executeRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  const file = url.slice("file:".length);
  return [file, `${file}-wal`]
    .filter(existsSync)
    .map((path) => readFileSync(path).toString("latin1"))
    .join("\n");
}

async function acmeSubmitted(name: string) {
  const { organization, application } = await makeOrganization(name);
  const { user } = await makeUser({ role: "CUSTOMER", organizationId: organization.id });
  const draft = structuredClone(ACME) as Record<string, Record<string, unknown>>;
  draft.business!.businessName = name;
  draft.company = { ...draft.company, brandContactEmail: "brand@acme.example" };
  const saved = await saveDraft(application, { expectedVersion: 1, draft, currentStep: "review" }, user.id);
  if (!saved.ok) throw new Error("not saved");
  const current = await db.onboardingApplication.findUniqueOrThrow({ where: { id: application.id } });
  const submitted = await submitApplication(current, current.version, user.id);
  if (!submitted.ok) throw new Error(`not submitted: ${JSON.stringify(submitted)}`);
  return application.id;
}

describe("personal data at rest", () => {
  it("a copy of the database file reveals no tax id, representative phone or email", async () => {
    const id = await acmeSubmitted("Encrypted Acme");
    const bytes = await databaseBytes();
    expect(bytes).toContain("Encrypted Acme");
    for (const secret of SECRETS) expect(bytes, secret).not.toContain(secret);
    // …while the portal reads them back as typed.
    const stored = await db.onboardingApplication.findUniqueOrThrow({ where: { id } });
    const draft = readStoredDraft(stored.draft, id);
    expect(draft.business?.registrationNumber).toBe("12-3456789");
    expect((draft.representatives?.primary as Record<string, string>).email).toBe("jdoe@example.com");
  });

  it("staff find a customer by the whole registration number, with or without the dash, through its blind index", async () => {
    const id = await acmeSubmitted("Findable Acme");
    for (const q of ["12-3456789", "123456789", "findable 12-3456789"])
      expect(
        (await listDashboard({ q, page: 1, sort: "activity" } as never)).rows.map((row) => row.applicationId),
        q,
      ).toContain(id);
    const row = (await listDashboard({ q: "findable", page: 1, sort: "activity" } as never)).rows[0]!;
    expect(row.registrationNumber).toBe("…6789");
    expect(
      (await listDashboard({ q: "98-7654321", page: 1, sort: "activity" } as never)).rows.map((r) => r.applicationId),
    ).not.toContain(id);
  });

  it("npm run data:rotate-key re-encrypts everything with the new key; the old key can then go", async () => {
    const id = await acmeSubmitted("Rotated Acme");
    const before = (await db.onboardingApplication.findUniqueOrThrow({ where: { id } })).draft as {
      business: { registrationNumber: string };
    };
    expect(encryptedWith(before.business.registrationNumber)).toBe("k1");
    // A customer subaccount's auth token sealed the way the portal did before decision 0010.
    const { seal } = await import("@/lib/server/crypto/secret-box");
    const subaccount = await db.organization.create({
      data: {
        name: "Legacy Subaccount Co",
        twilioAccountSid: "AC" + "5".repeat(32),
        twilioAuthTokenEncrypted: seal("legacy-subaccount-token", process.env.AUTH_SECRET!),
      },
    });

    const run = runRotateDataKey(`k2:${k2},k1:${k1}`);
    expect(run.output).toMatch(/re-encrypted with key "k2"; 1 subaccount tokens re-encrypted; keys in use: k2\n/);
    expect(run.status).toBe(0);

    const after = (await db.onboardingApplication.findUniqueOrThrow({ where: { id } })).draft as {
      business: { registrationNumber: string };
      representatives: { primary: { email: string } };
    };
    expect(encryptedWith(after.business.registrationNumber)).toBe("k2");
    // Readable with the new key alone.
    const onlyNew = keyringFrom({
      DATA_ENCRYPTION_KEYS: `k2:${k2}`,
      AUTH_SECRET: "x".repeat(40),
      NODE_ENV: "production",
    });
    const place = (field: string) => `OnboardingApplication/${id}/${field}`;
    expect(decryptField(after.business.registrationNumber, onlyNew, place("business.registrationNumber"))).toBe(
      "12-3456789",
    );
    expect(decryptField(after.representatives.primary.email, onlyNew, place("representatives.primary.email"))).toBe(
      "jdoe@example.com",
    );
    // The blind index was recomputed with the new key: a search with it finds the row.
    const { blindIndex } = await import("@/lib/server/crypto/field-cipher");
    const row = await db.onboardingApplication.findUniqueOrThrow({ where: { id } });
    expect(row.registrationNumberIndex).toBe(blindIndex("12-3456789", onlyNew));
    const sealedToken = (await db.organization.findUniqueOrThrow({ where: { id: subaccount.id } }))
      .twilioAuthTokenEncrypted!;
    expect(encryptedWith(sealedToken)).toBe("k2");
    expect(decryptField(sealedToken, onlyNew, `Organization/${subaccount.id}/twilioAuthTokenEncrypted`)).toBe(
      "legacy-subaccount-token",
    );
  });
});

describe("personal data in logs and the audit trail", () => {
  it("audit metadata is redacted, whatever a caller puts in it", async () => {
    const { user } = await makeUser({ role: "STAFF" });
    await audit(db, {
      actorUserId: user.id,
      action: "test.redaction",
      targetType: "User",
      targetId: user.id,
      metadata: {
        email: "jdoe@example.com",
        note: "called +1 222 555 7890 about EIN 12-3456789",
        field: "business.registrationNumber",
      },
    });
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "test.redaction" } });
    expect(entry.metadata).toEqual({
      email: "[redacted]",
      note: "called [phone] about EIN [tax id]",
      field: "business.registrationNumber",
    });
  });

  it("errors are logged without the personal data they quote", () => {
    const error = new Error('Unique constraint failed: email "jdoe@example.com", phone (222) 555-7890, ein 12-3456789');
    const logged = describeErrorForLog(error);
    for (const secret of ["jdoe@example.com", "555-7890", "12-3456789"]) expect(logged).not.toContain(secret);
    expect(logged).toContain("Unique constraint failed");
    expect(redactText("BU0123456789abcdef0123456789abcdef")).toBe("BU0123456789abcdef0123456789abcdef");
  });
});
