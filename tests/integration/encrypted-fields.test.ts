import { describe, expect, it } from "vitest";

import { runRotateDataKey } from "../support/rotate-data-key";

// This file's portal runs with explicit keys, as production does.
const k1 = Buffer.alloc(32, 33).toString("base64");
const k2 = Buffer.alloc(32, 44).toString("base64");
process.env.DATA_ENCRYPTION_KEYS = `k1:${k1}`;

const { db } = await import("@/lib/server/db");
const { saveDraft } = await import("@/lib/server/applications/application-draft");
const { loadApplication } = await import("@/lib/server/applications/load-application");
const { readStoredDraft } = await import("@/lib/server/applications/stored-draft");
const { openAuthToken, sealAuthToken } = await import("@/lib/server/twilio/account-credentials");
const { encryptedWith } = await import("@/lib/server/crypto/field-cipher");
const { toStoredTollfreeDraft } = await import("@/lib/server/tollfree/stored-tollfree-draft");
const { makeOrganization, makeUser } = await import("../support/factories");
const { ACME } = await import("../support/acme");

/**
 * #26 line 4: encrypted fields are the server's alone. What a browser sends is always encrypted by
 * the server, a look-alike ciphertext included; a ciphertext is bound to its table, record and
 * field, so moved elsewhere it does not open; and key rotation reports and skips a value it cannot
 * read instead of stopping the whole deployment's rotation.
 */
async function customerWithDraft(name: string, email: string) {
  const { organization, application } = await makeOrganization(name);
  const { user } = await makeUser({ role: "CUSTOMER", organizationId: organization.id });
  const draft = structuredClone(ACME) as Record<string, Record<string, unknown>>;
  draft.business!.businessName = name;
  draft.representatives = {
    ...draft.representatives,
    primary: { ...(draft.representatives!.primary as object), email },
  };
  const saved = await saveDraft(application, { expectedVersion: 1, draft, currentStep: "review" }, user.id);
  if (!saved.ok) throw new Error("not saved");
  return { organization, application, user };
}

const storedEmail = async (applicationId: string) =>
  (
    (await db.onboardingApplication.findUniqueOrThrow({ where: { id: applicationId } })).draft as {
      representatives: { primary: { email: string } };
    }
  ).representatives.primary.email;

describe("encrypted fields are the server's alone", () => {
  it("another organization's ciphertext pasted into one's own draft is stored as typed text, never decrypted for the paster", async () => {
    const victim = await customerWithDraft("Victim Co", "secret.person@victim.example");
    const stolen = await storedEmail(victim.application.id);
    expect(stolen).toMatch(/^enc:v2:k1:/);

    // The attacker has a copy of the database and a customer login of its own.
    const attacker = await customerWithDraft("Attacker Co", "me@attacker.example");
    const current = await db.onboardingApplication.findUniqueOrThrow({ where: { id: attacker.application.id } });
    const pasted = readStoredDraft(current.draft, current.id);
    (pasted.representatives!.primary as Record<string, string>).email = stolen;
    const saved = await saveDraft(
      current,
      { expectedVersion: current.version, draft: pasted, currentStep: "review" },
      attacker.user.id,
    );
    expect(saved.ok).toBe(true);
    // Stored as a new ciphertext of the pasted text, and read back as exactly that text.
    const kept = await storedEmail(attacker.application.id);
    expect(kept).not.toBe(stolen);
    const seen = (await loadApplication(attacker.application.id))!.draft;
    expect((seen.representatives!.primary as Record<string, string>).email).toBe(stolen);
    expect(JSON.stringify(seen)).not.toContain("secret.person@victim.example");
  });

  it("a ciphertext moved to another record or field does not open there: it reads as empty", async () => {
    const victim = await customerWithDraft("Moved From Co", "moved.person@victim.example");
    const other = await customerWithDraft("Moved To Co", "to@other.example");
    const stolen = await storedEmail(victim.application.id);
    // Written straight into the other application's row, as a database-level copy would.
    const row = await db.onboardingApplication.findUniqueOrThrow({ where: { id: other.application.id } });
    const draft = row.draft as { representatives: { primary: { email: string } } };
    draft.representatives.primary.email = stolen;
    // It reads as empty (the customer is asked again), never as the victim's email.
    const read = readStoredDraft(draft, other.application.id);
    expect((read.representatives!.primary as Record<string, string>).email).toBe("");
    // Into another field of its own record: refused too.
    const own = (await db.onboardingApplication.findUniqueOrThrow({ where: { id: victim.application.id } })).draft as {
      representatives: { primary: { email: string; phoneNumber: string } };
    };
    own.representatives.primary.phoneNumber = stolen;
    expect(
      (readStoredDraft(own, victim.application.id).representatives!.primary as Record<string, string>).phoneNumber,
    ).toBe("");

    // A subaccount's auth token opens only for its own organization.
    const a = await makeOrganization("Token A Co");
    const b = await makeOrganization("Token B Co");
    const sealed = sealAuthToken("a-subaccount-token", a.organization.id);
    expect(openAuthToken(sealed, a.organization.id)).toBe("a-subaccount-token");
    expect(openAuthToken(sealed, b.organization.id)).toBeNull();
  });

  it("npm run data:rotate-key reports and skips what it cannot read; every other value moves to the new key", async () => {
    const good = await customerWithDraft("Rotates Fine Co", "fine@rotate.example");
    const broken = await customerWithDraft("Garbage Co", "garbage@rotate.example");
    const row = await db.onboardingApplication.findUniqueOrThrow({ where: { id: broken.application.id } });
    const draft = row.draft as { representatives: { primary: { email: string } } };
    draft.representatives.primary.email = "enc:v2:k1:garbage:garbage:garbage";
    await db.onboardingApplication.update({ where: { id: row.id }, data: { draft } });
    const badToken = await db.organization.create({
      data: {
        name: "Bad Token Co",
        twilioAccountSid: `AC${"7".repeat(32)}`,
        twilioAuthTokenEncrypted: "enc:v2:gone:x:y:z",
      },
    });

    // A toll-free verification's draft holds personal data too: it moves with the rest.
    const tollfreeId = "rotate-tollfree";
    await db.tollfreeVerification.create({
      data: {
        id: tollfreeId,
        applicationId: good.application.id,
        phoneNumberSid: `PN${"8".repeat(32)}`,
        phoneNumber: "+18335550199",
        draft: toStoredTollfreeDraft(
          { businessName: "Rotates Fine Co", businessContactEmail: "tollfree@rotate.example" },
          tollfreeId,
        ),
      },
    });

    const run = runRotateDataKey(`k2:${k2},k1:${k1}`);
    const output = run.output;
    expect(run.status, output).toBe(0);
    expect(output).toContain(
      `not readable, left as it was: OnboardingApplication ${broken.application.id} representatives.primary.email`,
    );
    expect(output).toContain(`not readable, left as it was: Organization ${badToken.id} twilioAuthTokenEncrypted`);
    expect(output).not.toContain("garbage@rotate.example");
    expect(encryptedWith(await storedEmail(good.application.id))).toBe("k2");
    const tollfree = (await db.tollfreeVerification.findUniqueOrThrow({ where: { id: tollfreeId } })).draft as {
      businessContactEmail: string;
    };
    expect(encryptedWith(tollfree.businessContactEmail)).toBe("k2");
    expect(output).not.toContain("tollfree@rotate.example");
    // The broken application's other fields were rotated; the unreadable one was kept as it was.
    const after = (await db.onboardingApplication.findUniqueOrThrow({ where: { id: broken.application.id } }))
      .draft as {
      business: { registrationNumber: string };
      representatives: { primary: { email: string } };
    };
    expect(encryptedWith(after.business.registrationNumber)).toBe("k2");
    expect(after.representatives.primary.email).toBe("enc:v2:k1:garbage:garbage:garbage");
  });
});
