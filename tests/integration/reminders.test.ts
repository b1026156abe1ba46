import { describe, expect, it } from "vitest";

import { db } from "@/lib/server/db";
import { setRemindersOff } from "@/lib/server/reminders/reminder-settings";
import { sendDueReminders } from "@/lib/server/reminders/send-reminders";

import { makeOrganization, makeUser } from "../support/factories";
import { mailOutbox } from "../support/mail-outbox";

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
