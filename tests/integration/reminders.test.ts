import { describe, expect, it } from "vitest";

import { db } from "@/lib/server/db";
import { setRemindersOff } from "@/lib/server/reminders/reminder-settings";
import { sendDueReminders } from "@/lib/server/reminders/send-reminders";
import { sendStaffDigest } from "@/lib/server/reminders/staff-digest";

import { makeOrganization, makeUser } from "../support/factories";
import { mailOutbox } from "../support/mail-outbox";
import { SOLE_PROPRIETOR } from "../support/sole-proprietor";

/**
 * #29 line 3, reminders on a moving clock: a draft untouched for the wait (72 h) is reminded, then
 * after twice and four times the wait, at most three times; never twice for one occasion, even with
 * two engines at once; the customer's next change stops them; an organization with reminders off
 * gets none; changes asked for and not made are reminded in their own words; each is audited and
 * counted for the dashboard.
 */
const HOUR = 3_600_000;
const T0 = new Date("2026-11-01T09:00:00.000Z");
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

async function waitingCustomer(name: string, status: "DRAFT" | "CHANGES_REQUESTED" = "DRAFT") {
  const { organization, application } = await makeOrganization(name);
  const { user } = await makeUser({ role: "CUSTOMER", organizationId: organization.id });
  await db.onboardingApplication.update({ where: { id: application.id }, data: { status, updatedAt: T0 } });
  const mails = () =>
    mailOutbox()
      .all()
      .filter((mail) => mail.to === user.email);
  return { organization, application, user, mails };
}

describe("reminders", () => {
  it("remind an untouched draft after the wait, then less often, at most three times, each once", async () => {
    const { application, mails } = await waitingCustomer("Slow Drafter");
    expect(await sendDueReminders(at(71))).toBe(0);
    expect(await sendDueReminders(at(72))).toBe(1);
    expect(await sendDueReminders(at(72))).toBe(0);
    expect(mails()).toHaveLength(1);
    expect(mails()[0]!.subject).toBe("Finish your messaging registration");
    expect(mails()[0]!.text).toMatch(/Messaging registration for Slow Drafter\./);

    expect(await sendDueReminders(at(143))).toBe(0);
    expect(await sendDueReminders(at(144))).toBe(1);
    expect(await sendDueReminders(at(287))).toBe(0);
    expect(await sendDueReminders(at(288))).toBe(1);
    expect(await sendDueReminders(at(2000))).toBe(0);
    expect(mails()).toHaveLength(3);

    const row = await db.onboardingApplication.findUniqueOrThrow({ where: { id: application.id } });
    expect(row).toMatchObject({ remindersSent: 3, lastReminderAt: at(288) });
    // The count is not a change of the customer's: the occasion (the last change) stays.
    expect(row.updatedAt).toEqual(T0);
    expect(
      (await db.auditLog.findMany({ where: { action: "reminder.sent", targetId: application.id } })).map(
        (a) => a.metadata,
      ),
    ).toEqual([
      { kind: "draft-unfinished", number: 1 },
      { kind: "draft-unfinished", number: 2 },
      { kind: "draft-unfinished", number: 3 },
    ]);
  });

  it("two engines at once send one reminder", async () => {
    const { mails } = await waitingCustomer("Raced Drafter");
    const sent = await Promise.all([sendDueReminders(at(72)), sendDueReminders(at(72)), sendDueReminders(at(72))]);
    expect(sent.reduce((sum, n) => sum + n, 0)).toBe(1);
    expect(mails()).toHaveLength(1);
  });

  it("stop as soon as the customer acts: their change is a new occasion with a new wait", async () => {
    // (Other customers of this file are reminded on the same clock: count this one's mails.)
    const { application, mails } = await waitingCustomer("Acting Drafter");
    await sendDueReminders(at(72));
    expect(mails()).toHaveLength(1);
    // The customer saves their draft at 100 h.
    await db.onboardingApplication.update({ where: { id: application.id }, data: { updatedAt: at(100) } });
    await sendDueReminders(at(144));
    await sendDueReminders(at(171));
    expect(mails()).toHaveLength(1);
    await sendDueReminders(at(172));
    expect(mails()).toHaveLength(2);
  });

  it("are not sent to an organization that turned them off, and changes asked for get their own words", async () => {
    const { user: staff } = await makeUser({ role: "STAFF" });
    const quiet = await waitingCustomer("Quiet Customer");
    expect(await setRemindersOff(quiet.organization.id, true, staff.id)).toBe(true);
    const asked = await waitingCustomer("Asked Customer", "CHANGES_REQUESTED");
    await sendDueReminders(at(72));
    expect(quiet.mails()).toEqual([]);
    expect(asked.mails().map((mail) => mail.subject)).toEqual([
      "Your messaging registration is waiting for your changes",
    ]);
    expect(
      await db.auditLog.count({ where: { action: "reminders.turned_off", organizationId: quiet.organization.id } }),
    ).toBe(1);
  });
});

/** A sole proprietor whose brand waits for the one-time code Twilio texted at `sentAt`. */
async function awaitingCode(name: string, sentAt: Date) {
  const organization = await db.organization.create({ data: { name } });
  const { user } = await makeUser({ role: "CUSTOMER", organizationId: organization.id });
  const draft = structuredClone({ ...SOLE_PROPRIETOR, business: { ...SOLE_PROPRIETOR.business, businessName: name } });
  const application = await db.onboardingApplication.create({
    data: { organizationId: organization.id, draft, status: "APPROVED", approvedAt: sentAt },
  });
  const brandSid = `BN${application.id.padEnd(32, "0").slice(0, 32)}`;
  await db.twilioResource.create({
    data: {
      applicationId: application.id,
      step: "brand",
      sid: brandSid,
      accountSid: "ACtest",
      status: "APPROVED",
      details: { identityStatus: "UNVERIFIED" },
    },
  });
  await db.brandVerification.create({ data: { applicationId: application.id, method: "sms-otp", brandSid, sentAt } });
  const mails = () =>
    mailOutbox()
      .all()
      .filter((mail) => mail.to === user.email && mail.subject === "Your brand's verification expires soon");
  return { organization, application, mails };
}

describe("reminders before a brand's verification expires", () => {
  it("a one-time code unanswered is reminded once, 4 hours before its 24 hours end, whatever engines run", async () => {
    const { application, mails } = await awaitingCode("Code Waiter", T0);
    await sendDueReminders(at(19.9));
    expect(mails()).toHaveLength(0);
    await Promise.all([sendDueReminders(at(20)), sendDueReminders(at(20)), sendDueReminders(at(20))]);
    await sendDueReminders(at(21));
    await sendDueReminders(at(23));
    expect(mails()).toHaveLength(1);
    expect(mails()[0]!.text).toMatch(/Messaging registration for Code Waiter\./);
    expect(
      (await db.auditLog.findMany({ where: { action: "reminder.sent", targetId: application.id } })).map(
        (a) => (a.metadata as { kind: string }).kind,
      ),
    ).toEqual(["verification-expiring"]);
    expect(await db.onboardingApplication.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({
      remindersSent: 1,
      lastReminderAt: at(20),
    });
    // Sent again, the new code is a new occasion: reminded once more before it expires.
    await db.brandVerification.update({
      where: { applicationId_method: { applicationId: application.id, method: "sms-otp" } },
      data: { sentAt: at(30), sends: 2 },
    });
    await sendDueReminders(at(50));
    await sendDueReminders(at(51));
    expect(mails()).toHaveLength(2);
  });

  it("stops once the customer answers (the brand verified), and never after it expired or with reminders off", async () => {
    const answered = await awaitingCode("Code Answerer", T0);
    await db.twilioResource.updateMany({
      where: { applicationId: answered.application.id, step: "brand" },
      data: { details: { identityStatus: "VERIFIED" } },
    });
    const late = await awaitingCode("Code Too Late", at(-30));
    const quiet = await awaitingCode("Code Quiet", T0);
    const { user: staff } = await makeUser({ role: "STAFF" });
    await setRemindersOff(quiet.organization.id, true, staff.id);
    await sendDueReminders(at(21));
    expect(answered.mails()).toHaveLength(0);
    expect(late.mails()).toHaveLength(0);
    expect(quiet.mails()).toHaveLength(0);
  });
});

describe("the staff's daily digest", () => {
  it("lists the customers stuck past their stage's usual wait, once a day from its hour, to every staff member", async () => {
    const { user: staff } = await makeUser({ role: "STAFF" });
    const { application } = await makeOrganization("Stuck In Review Co");
    await db.onboardingApplication.update({
      where: { id: application.id },
      data: { stage: "in-staff-review", stageSince: at(-72), dueAt: at(-48), displayName: "Stuck In Review Co" },
    });
    const digests = () =>
      mailOutbox()
        .all()
        .filter((mail) => mail.to === staff.email && /stuck past the usual wait/.test(mail.subject));
    const morning = new Date("2026-11-05T07:00:00.000Z");
    expect(await sendStaffDigest(morning)).toBe(0);
    const nine = new Date("2026-11-05T09:00:00.000Z");
    const listed = await Promise.all([sendStaffDigest(nine), sendStaffDigest(nine)]);
    expect(listed.filter((n) => n > 0)).toHaveLength(1);
    await sendStaffDigest(new Date("2026-11-05T15:00:00.000Z"));
    expect(digests()).toHaveLength(1);
    expect(digests()[0]!.text).toMatch(/- Stuck In Review Co: In staff review for \d+ day\(s\)/);
    await sendStaffDigest(new Date("2026-11-06T08:30:00.000Z"));
    expect(digests()).toHaveLength(2);
  });
});
