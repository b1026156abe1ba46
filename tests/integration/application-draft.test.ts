import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { saveDraft, submitApplication } from "@/lib/server/applications/application-draft";
import { readStoredDraft } from "@/lib/server/applications/stored-draft";
import { refreshDashboardRow } from "@/lib/server/dashboard/refresh-dashboard-row";
import { db } from "@/lib/server/db";

import { ACME } from "../support/acme";
import { makeOrganization, makeUser } from "../support/factories";

async function customerWithApplication() {
  const { organization, application } = await makeOrganization();
  const { user } = await makeUser({ role: "CUSTOMER", organizationId: organization.id });
  return { organization, application, user };
}
const fresh = (id: string) => db.onboardingApplication.findUniqueOrThrow({ where: { id } });

describe("drafts (real SQLite)", () => {
  it("keeps partial and invalid values, bumps the version, remembers the step", async () => {
    const { application, user } = await customerWithApplication();
    const draft = { business: { businessName: "Acme", registrationIdType: "EIN", registrationNumber: "12-34" } };
    const outcome = await saveDraft(application, { expectedVersion: 1, draft, currentStep: "business" }, user.id);
    // A save answers with the new version only: the draft is the one the customer just sent.
    expect(outcome).toEqual({ ok: true, snapshot: { version: 2, updatedAt: expect.any(String) } });
    const row = await fresh(application.id);
    expect(row).toMatchObject({ version: 2, currentStep: "business", status: "DRAFT" });
    const stored = row.draft as { business: Record<string, string> };
    expect(readStoredDraft(stored, application.id)).toEqual(draft);
    // The registration number is encrypted at rest; the rest is kept as typed.
    expect(stored.business.businessName).toBe("Acme");
    expect(stored.business.registrationNumber).toMatch(/^enc:v2:auth:/);
  });

  it("keeps the dashboard row equal to a full summary, rewriting it only when the name or number changed", async () => {
    const { application, user } = await customerWithApplication();
    const summaryOf = async (id: string) => {
      const row = await fresh(id);
      return {
        displayName: row.displayName,
        sortName: row.sortName,
        searchText: row.searchText,
        registrationNumberHint: row.registrationNumberHint,
        registrationNumberIndex: row.registrationNumberIndex,
        stage: row.stage,
        stageSince: row.stageSince,
        lastActivityAt: row.lastActivityAt,
      };
    };
    // Each save is read back as the action reads it (requireStaffOrOwningCustomer), then compared with
    // what a full summary of the same rows writes.
    const steps = [
      { business: { businessName: "Row Co", registrationNumber: "12-3456789" } },
      { business: { businessName: "Row Co", registrationNumber: "12-3456789", website: "https://row.example" } },
      { business: { businessName: "Row Company", registrationNumber: "12-3456789", website: "https://row.example" } },
      { business: { businessName: "Row Company", registrationNumber: "98-7654321", website: "https://row.example" } },
    ];
    for (const [index, draft] of steps.entries()) {
      const before = await fresh(application.id);
      const outcome = await saveDraft(
        before,
        { expectedVersion: before.version, draft, currentStep: "business" },
        user.id,
      );
      expect(outcome.ok).toBe(true);
      const afterSave = await summaryOf(application.id);
      expect(afterSave.lastActivityAt.getTime()).toBeGreaterThan(before.lastActivityAt.getTime() - 1);
      await refreshDashboardRow(application.id);
      expect(afterSave, `save ${index + 1}`).toEqual(await summaryOf(application.id));
    }
    const row = await fresh(application.id);
    expect(row).toMatchObject({ displayName: "Row Company", registrationNumberHint: "…4321", stage: "draft" });
    expect(row.searchText).toContain("company");
  });

  it("refuses a save over a newer version and returns the newer data", async () => {
    const { application, user } = await customerWithApplication();
    await saveDraft(
      application,
      { expectedVersion: 1, draft: { business: { businessName: "From tab one" } }, currentStep: "business" },
      user.id,
    );
    const stale = await saveDraft(
      application,
      { expectedVersion: 1, draft: { business: { businessName: "From tab two" } }, currentStep: "business" },
      user.id,
    );
    expect(stale).toMatchObject({
      ok: false,
      reason: "conflict",
      current: { version: 2, draft: { business: { businessName: "From tab one" } } },
    });
    expect(((await fresh(application.id)).draft as { business: { businessName: string } }).business.businessName).toBe(
      "From tab one",
    );
  });

  it("two saves racing on the same version: exactly one wins", async () => {
    const { application, user } = await customerWithApplication();
    const outcomes = await Promise.all(
      ["a", "b", "c"].map((name) =>
        saveDraft(
          application,
          { expectedVersion: 1, draft: { business: { businessName: name } }, currentStep: "business" },
          user.id,
        ),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect((await fresh(application.id)).version).toBe(2);
  });

  it("a customer's save never reaches another organization's application, and says not found", async () => {
    const { application } = await customerWithApplication();
    const other = await customerWithApplication();
    const before = await fresh(application.id);
    const outcome = await saveDraft(
      { id: application.id, organizationId: other.organization.id },
      { expectedVersion: before.version, draft: { business: { businessName: "Hijacked" } }, currentStep: "business" },
      other.user.id,
    );
    expect(outcome).toEqual({ ok: false, reason: "not-found" });
    expect(await fresh(application.id)).toEqual(before);
  });

  it("writes one audit entry for a burst of saves", async () => {
    const { application, user } = await customerWithApplication();
    for (let version = 1; version <= 4; version++)
      await saveDraft(
        application,
        { expectedVersion: version, draft: { business: { businessName: `v${version}` } }, currentStep: "business" },
        user.id,
      );
    expect(await db.auditLog.count({ where: { targetId: application.id, action: "application.draft_saved" } })).toBe(1);
  });
});

describe("sending for review (real SQLite)", () => {
  it("an incomplete application is refused with messages for each field; nothing changes", async () => {
    const { application, user } = await customerWithApplication();
    await saveDraft(
      application,
      { expectedVersion: 1, draft: { business: { ...ACME.business, registrationNumber: "1" } }, currentStep: "review" },
      user.id,
    );
    const outcome = await submitApplication(await fresh(application.id), 2, user.id);
    expect(outcome.ok).toBe(false);
    if (outcome.ok || outcome.reason !== "invalid") throw new Error("expected invalid");
    expect(outcome.fieldErrors["business.registrationNumber"]).toEqual(["An EIN has 9 digits, like 12-3456789."]);
    expect(Object.keys(outcome.fieldErrors)).toEqual(
      expect.arrayContaining(["representatives.primary.firstName", "address.street", "company.companyType"]),
    );
    expect((await fresh(application.id)).status).toBe("DRAFT");
  });

  it("a complete application is sent: status, audit entry, staff notified; then it is read-only", async () => {
    const { application, user } = await customerWithApplication();
    await makeUser({ role: "STAFF", email: `reviewer-${application.id}@isv.test` });
    await saveDraft(application, { expectedVersion: 1, draft: ACME, currentStep: "review" }, user.id);
    const outcome = await submitApplication(await fresh(application.id), 2, user.id);
    expect(outcome).toMatchObject({ ok: true, snapshot: { status: "SUBMITTED", version: 3 } });
    const stored = await fresh(application.id);
    expect(stored.submittedAt).not.toBeNull();
    expect(
      await db.auditLog.count({
        where: { targetId: application.id, action: "application.submitted", actorUserId: user.id },
      }),
    ).toBe(1);

    const outbox = process.env.MAIL_OUTBOX_DIR!;
    const mails = readdirSync(outbox).map(
      (file) => JSON.parse(readFileSync(path.join(outbox, file), "utf8")) as { to: string; subject: string },
    );
    expect(
      mails.some(
        (mail) =>
          mail.to === `reviewer-${application.id}@isv.test` &&
          mail.subject.includes("sent their registration for review"),
      ),
    ).toBe(true);

    expect(await saveDraft(stored, { expectedVersion: 3, draft: {}, currentStep: "business" }, user.id)).toMatchObject({
      ok: false,
      reason: "locked",
    });
    expect(await submitApplication(stored, 3, user.id)).toMatchObject({ ok: false, reason: "locked" });
  });

  it("after staff ask for changes the customer can edit and send again", async () => {
    const { application, user } = await customerWithApplication();
    await saveDraft(application, { expectedVersion: 1, draft: ACME, currentStep: "review" }, user.id);
    await submitApplication(await fresh(application.id), 2, user.id);
    await db.onboardingApplication.update({
      where: { id: application.id },
      data: { status: "CHANGES_REQUESTED", version: { increment: 1 } },
    });
    const reopened = await fresh(application.id);
    expect(
      await saveDraft(reopened, { expectedVersion: reopened.version, draft: ACME, currentStep: "business" }, user.id),
    ).toMatchObject({ ok: true });
    expect(await submitApplication(await fresh(application.id), reopened.version + 1, user.id)).toMatchObject({
      ok: true,
      snapshot: { status: "SUBMITTED" },
    });
  });
});

describe("staff corrections", () => {
  it("edit one field of a submitted application, audited with the field name only", async () => {
    const { editField } = await import("@/lib/server/applications/review");
    const { application, user } = await customerWithApplication();
    const { user: staff } = await makeUser({ role: "STAFF" });
    await saveDraft(application, { expectedVersion: 1, draft: ACME, currentStep: "review" }, user.id);
    expect(await editField(application.id, "address.streetSecondary", "Suite 200", staff.id)).toMatchObject({
      ok: false,
    });
    await submitApplication(await fresh(application.id), 2, user.id);
    expect(await editField(application.id, "address.streetSecondary", "Suite 200", staff.id)).toEqual({ ok: true });
    const stored = await fresh(application.id);
    expect((stored.draft as { address: { streetSecondary: string } }).address.streetSecondary).toBe("Suite 200");
    const entry = await db.auditLog.findFirstOrThrow({
      where: { targetId: application.id, action: "application.field_edited" },
    });
    expect(entry).toMatchObject({ actorUserId: staff.id, metadata: { field: "address.streetSecondary" } });
    expect(JSON.stringify(entry.metadata)).not.toContain("Suite 200");
  });
});
