/**
 * When a customer is reminded (#29 line 3): after `waitHours` without a change, then twice as long
 * each time (wait, 2×wait, 4×wait after the change), at most `max` times. Pure: the sender asks it
 * with the application's last change and the reminders already sent for that change.
 */
export type ReminderKind =
  | "draft-unfinished"
  | "changes-unanswered"
  | "verification-expiring"
  | "tollfree-edit-window"
  | "tollfree-unfinished"
  | "tollfree-changes-unanswered";

export function nextReminderAt(
  since: Date,
  alreadySent: number,
  { waitHours, max }: { waitHours: number; max: number },
): Date | null {
  if (alreadySent >= max) return null;
  return new Date(since.getTime() + waitHours * 3_600_000 * 2 ** alreadySent);
}

/** Which reminder an application's (or a toll-free verification's) status calls for, if any. */
export function reminderKindFor(status: string, of: "application" | "tollfree" = "application"): ReminderKind | null {
  if (status === "DRAFT") return of === "tollfree" ? "tollfree-unfinished" : "draft-unfinished";
  if (status === "CHANGES_REQUESTED") return of === "tollfree" ? "tollfree-changes-unanswered" : "changes-unanswered";
  return null;
}

/**
 * How long before a brand verification expires its reminder goes: a Sole Proprietor's one-time code
 * lives 24 hours (reminded 4 hours before), Authentication+'s email link 7 days (reminded a day
 * before); the windows are Twilio's (lib/brand/verification.ts).
 */
export const VERIFICATION_REMINDER_LEAD_MS: Record<"sms-otp" | "email-2fa", number> = {
  "sms-otp": 4 * 3_600_000,
  "email-2fa": 24 * 3_600_000,
};

/** When a sending of the code or link is reminded: once, its lead before it expires. */
export function verificationReminderAt(expiresAt: Date, method: "sms-otp" | "email-2fa"): Date {
  return new Date(expiresAt.getTime() - VERIFICATION_REMINDER_LEAD_MS[method]);
}

/**
 * A rejected toll-free verification's edit window (Twilio's seven days, `edit_expiration`) is
 * reminded once, two days before it closes: after that a fix waits in Twilio's standard queue.
 */
export const TOLLFREE_EDIT_REMINDER_LEAD_MS = 2 * 24 * 3_600_000;

export function tollfreeEditReminderAt(editExpiration: Date): Date {
  return new Date(editExpiration.getTime() - TOLLFREE_EDIT_REMINDER_LEAD_MS);
}
