import "server-only";

import { nextReminderAt, reminderKindFor, type ReminderKind } from "@/lib/reminders/schedule";

import { audit } from "../audit/audit";
import { db } from "../db";
import { env } from "../env";
import { emailCustomerUsers } from "../notifications/email-customer-users";

const WORDS: Record<ReminderKind, { subject: string; lines: (name: string) => string[]; path: string }> = {
  "draft-unfinished": {
    subject: "Finish your messaging registration",
    lines: (name) => [
      `Messaging registration for ${name}.`,
      "",
      "Your application is saved as you left it. Carriers need it before your business can send text messages;",
      "it takes a few minutes to finish:",
    ],
    path: "/onboarding",
  },
  "changes-unanswered": {
    subject: "Your messaging registration is waiting for your changes",
    lines: (name) => [
      `Messaging registration for ${name}.`,
      "",
      "Our team asked for a few changes to your registration. It cannot go to the carriers until you make them:",
    ],
    path: "/onboarding/review",
  },
};

/**
 * Sends the reminders that are due (on any instance; the job runs every few minutes): a customer
 * whose draft, or whose application sent back with changes, has not changed for the wait is
 * reminded, then less often, at most REMINDER_MAX times. Each reminder is claimed by inserting its
 * row first (unique per application, kind, last change and number), so two engines never send it
 * twice; the customer's next change is a new occasion, so acting stops the reminders. An
 * organization with reminders off gets none. Returns how many were sent.
 */
export async function sendDueReminders(now = new Date()): Promise<number> {
  const { REMINDER_WAIT_HOURS: waitHours, REMINDER_MAX: max } = env();
  const candidates = await db.onboardingApplication.findMany({
    where: {
      status: { in: ["DRAFT", "CHANGES_REQUESTED"] },
      updatedAt: { lte: new Date(now.getTime() - waitHours * 3_600_000) },
      organization: { remindersOff: false, users: { some: { role: "CUSTOMER" } } },
    },
    select: { id: true, organizationId: true, status: true, updatedAt: true },
    take: 500,
  });
  let sent = 0;
  for (const application of candidates) {
    const kind = reminderKindFor(application.status);
    if (!kind) continue;
    const since = application.updatedAt;
    const already = await db.reminder.count({ where: { applicationId: application.id, kind, since } });
    const due = nextReminderAt(since, already, { waitHours, max });
    if (!due || due > now) continue;
    const claimed = await db.reminder
      .create({
        data: {
          applicationId: application.id,
          organizationId: application.organizationId,
          kind,
          since,
          number: already,
        },
      })
      .then(() => true)
      .catch((error: unknown) => {
        if ((error as { code?: string }).code === "P2002") return false;
        throw error;
      });
    if (!claimed) continue;
    await emailCustomerUsers(application.organizationId, { kind: "reminder", ...WORDS[kind], informational: true });
    // The count for the dashboard; the row's change time stays the customer's (it is the occasion).
    await db.onboardingApplication.updateMany({
      where: { id: application.id, updatedAt: since },
      data: { remindersSent: { increment: 1 }, lastReminderAt: now, updatedAt: since },
    });
    await audit(db, {
      action: "reminder.sent",
      targetType: "OnboardingApplication",
      targetId: application.id,
      organizationId: application.organizationId,
      metadata: { kind, number: already + 1 },
    });
    sent++;
  }
  return sent;
}
