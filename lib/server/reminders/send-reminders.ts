import "server-only";

import type { Prisma } from "@prisma/client";

import { VERIFICATION_WINDOW_MS, verificationExpiresAt, type VerificationMethod } from "@/lib/brand/verification";
import {
  nextReminderAt,
  reminderKindFor,
  tollfreeEditReminderAt,
  verificationReminderAt,
  type ReminderKind,
} from "@/lib/reminders/schedule";
import { editWindowOpen, tollfreeLedgerDetails, tollfreeLedgerStep } from "@/lib/tollfree/ledger-details";

import { audit } from "../audit/audit";
import { brandVerificationView } from "../brands/brand-verification";
import { db } from "../db";
import { env } from "../env";
import { insertedFirst } from "../inserted-first";
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
  "verification-expiring": {
    subject: "Your brand's verification expires soon",
    lines: (name) => [
      `Messaging registration for ${name}.`,
      "",
      "Your brand is waiting for its verification (the text Twilio sent to your mobile, or The Campaign",
      "Registry's email to your brand contact), and it expires soon. Your campaign cannot start until it is",
      "verified. What to do, and how long is left:",
    ],
    path: "/home",
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
  "tollfree-edit-window": {
    subject: "Fix your toll-free verification before Twilio's window closes",
    lines: (name) => [
      `Toll-free verification for ${name}.`,
      "",
      "Twilio did not approve your toll-free number's verification, and its seven days to fix it close soon.",
      "Fixed within them, Twilio reviews it again first in line; after them, it waits in Twilio's standard queue.",
      "Twilio's reasons are next to the answers to change:",
    ],
    path: "/toll-free",
  },
  "tollfree-unfinished": {
    subject: "Finish your toll-free verification",
    lines: (name) => [
      `Toll-free verification for ${name}.`,
      "",
      "Your toll-free number cannot send text messages until Twilio verifies it. Your answers are saved",
      "as you left them; finish them and send them for review:",
    ],
    path: "/toll-free",
  },
  "tollfree-changes-unanswered": {
    subject: "Your toll-free verification is waiting for your changes",
    lines: (name) => [
      `Toll-free verification for ${name}.`,
      "",
      "A few answers need to change before your toll-free number can be verified; each reason is next to its answer:",
    ],
    path: "/toll-free",
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
    const claim = { applicationId: application.id, organizationId: application.organizationId, kind, since };
    if (!(await claimReminder({ ...claim, number: already }))) continue;
    // The application's change time is the occasion: the count is written only if it still holds.
    await deliverReminder(now, {
      kind,
      organizationId: application.organizationId,
      application: { id: application.id, updatedAt: since, onlyIfUnchanged: true },
      target: { type: "OnboardingApplication", id: application.id },
      metadata: { kind, number: already + 1 },
    });
    sent++;
  }
  return (
    sent +
    (await sendTollfreeDraftReminders(now, { waitHours, max })) +
    (await sendVerificationReminders(now)) +
    (await sendTollfreeEditReminders(now))
  );
}

/**
 * The same rule for toll-free verifications (#29 line 3): one the customer started and left, or one
 * sent back with changes (by staff or by Twilio), untouched for the wait is reminded, then less
 * often, at most REMINDER_MAX times; its next change is a new occasion.
 */
async function sendTollfreeDraftReminders(now: Date, rule: { waitHours: number; max: number }): Promise<number> {
  const waiting = await db.tollfreeVerification.findMany({
    where: {
      status: { in: ["DRAFT", "CHANGES_REQUESTED"] },
      updatedAt: { lte: new Date(now.getTime() - rule.waitHours * 3_600_000) },
      application: { organization: { remindersOff: false, users: { some: { role: "CUSTOMER" } } } },
    },
    select: {
      id: true,
      status: true,
      updatedAt: true,
      phoneNumberSid: true,
      applicationId: true,
      application: { select: { organizationId: true, updatedAt: true } },
    },
    take: 500,
  });
  let sent = 0;
  for (const verification of waiting) {
    const kind = reminderKindFor(verification.status, "tollfree");
    if (!kind) continue;
    const since = verification.updatedAt;
    const { organizationId } = verification.application;
    const already = await db.reminder.count({ where: { applicationId: verification.applicationId, kind, since } });
    const due = nextReminderAt(since, already, rule);
    if (!due || due > now) continue;
    const claim = { applicationId: verification.applicationId, organizationId, kind, since, number: already };
    if (!(await claimReminder(claim))) continue;
    await deliverReminder(now, {
      kind,
      organizationId,
      path: tollfreePath(verification.phoneNumberSid),
      application: { id: verification.applicationId, updatedAt: verification.application.updatedAt },
      target: { type: "TollfreeVerification", id: verification.id },
      metadata: { kind, number: already + 1 },
    });
    sent++;
  }
  return sent;
}

const tollfreePath = (phoneNumberSid: string) => `/toll-free?number=${encodeURIComponent(phoneNumberSid)}`;

/**
 * A claimed reminder goes out, whatever its kind: the email, the dashboard's count on the
 * application ("reminded N times, last …"; the row's change time is kept, as it is the customer's),
 * and the audit entry the timeline shows.
 */
async function deliverReminder(
  now: Date,
  reminder: {
    kind: ReminderKind;
    organizationId: string;
    /** Where the email links to, when not the kind's own page. */
    path?: string;
    application: { id: string; updatedAt: Date; onlyIfUnchanged?: boolean };
    target: { type: string; id: string };
    metadata: Prisma.InputJsonObject;
  },
): Promise<void> {
  const { kind, organizationId, application } = reminder;
  await emailCustomerUsers(organizationId, {
    kind: "reminder",
    ...WORDS[kind],
    ...(reminder.path ? { path: reminder.path } : {}),
    informational: true,
  });
  await db.onboardingApplication.updateMany({
    where: { id: application.id, ...(application.onlyIfUnchanged ? { updatedAt: application.updatedAt } : {}) },
    data: { remindersSent: { increment: 1 }, lastReminderAt: now, updatedAt: application.updatedAt },
  });
  await audit(db, {
    action: "reminder.sent",
    targetType: reminder.target.type,
    targetId: reminder.target.id,
    organizationId,
    metadata: reminder.metadata,
  });
}

/** The reminder's row, inserted first: its unique key is the claim (false: another engine has it). */
function claimReminder(reminder: {
  applicationId: string;
  organizationId: string;
  kind: ReminderKind;
  since: Date;
  number: number;
}): Promise<boolean> {
  return insertedFirst(
    db.reminder.create({
      data: {
        applicationId: reminder.applicationId,
        organizationId: reminder.organizationId,
        kind: reminder.kind,
        since: reminder.since,
        number: reminder.number,
      },
    }),
  );
}

/**
 * A brand's one-time code or Authentication+ link about to expire unanswered is reminded once per
 * sending (a resend is a new occasion), before it expires; verified, failed or expired, it is not.
 */
async function sendVerificationReminders(now: Date): Promise<number> {
  const longest = Math.max(...Object.values(VERIFICATION_WINDOW_MS));
  const records = await db.brandVerification.findMany({
    where: { expiryNotifiedAt: null, sentAt: { gt: new Date(now.getTime() - longest) } },
    take: 500,
  });
  let sent = 0;
  for (const record of records) {
    const method = record.method as VerificationMethod;
    const expiresAt = verificationExpiresAt(method, record.sentAt);
    if (now >= expiresAt || now < verificationReminderAt(expiresAt, method)) continue;
    const application = await db.onboardingApplication.findUnique({
      where: { id: record.applicationId },
      select: { id: true, organizationId: true, updatedAt: true, organization: { select: { remindersOff: true } } },
    });
    if (!application || application.organization.remindersOff) continue;
    const view = await brandVerificationView(record.applicationId, "customer", now);
    if (view?.method !== method || view.state !== "pending") continue;
    const kind = "verification-expiring" as const;
    const claim = {
      applicationId: application.id,
      organizationId: application.organizationId,
      kind,
      since: record.sentAt,
    };
    if (!(await claimReminder({ ...claim, number: 0 }))) continue;
    await deliverReminder(now, {
      kind,
      organizationId: application.organizationId,
      application: { id: application.id, updatedAt: application.updatedAt },
      target: { type: "OnboardingApplication", id: application.id },
      metadata: { kind, method, expiresAt: expiresAt.toISOString() },
    });
    sent++;
  }
  return sent;
}

/**
 * A toll-free verification Twilio rejected, waiting on the customer's fix, is reminded once per
 * rejection (its `edit_expiration` is the occasion) two days before the window closes; once the
 * customer sends the fix (it leaves CHANGES_REQUESTED) or the window has closed, it is not.
 */
async function sendTollfreeEditReminders(now: Date): Promise<number> {
  const waiting = await db.tollfreeVerification.findMany({
    where: { status: "CHANGES_REQUESTED", application: { organization: { remindersOff: false } } },
    select: {
      id: true,
      phoneNumberSid: true,
      applicationId: true,
      application: { select: { organizationId: true, updatedAt: true } },
    },
    take: 500,
  });
  const ledger = await db.twilioResource.findMany({
    where: { step: { in: waiting.map((v) => tollfreeLedgerStep(v.id)) }, status: "TWILIO_REJECTED" },
  });
  let sent = 0;
  for (const verification of waiting) {
    const row = ledger.find((resource) => resource.step === tollfreeLedgerStep(verification.id));
    if (!row) continue;
    const details = tollfreeLedgerDetails(row.details);
    if (!details.editExpiration || !editWindowOpen(details, now)) continue;
    const closes = new Date(details.editExpiration);
    if (now < tollfreeEditReminderAt(closes)) continue;
    const kind = "tollfree-edit-window" as const;
    const { organizationId } = verification.application;
    const claim = { applicationId: verification.applicationId, organizationId, kind, since: closes };
    if (!(await claimReminder({ ...claim, number: 0 }))) continue;
    await deliverReminder(now, {
      kind,
      organizationId,
      path: tollfreePath(verification.phoneNumberSid),
      application: { id: verification.applicationId, updatedAt: verification.application.updatedAt },
      target: { type: "TollfreeVerification", id: verification.id },
      metadata: { kind, editExpiration: closes.toISOString() },
    });
    sent++;
  }
  return sent;
}
