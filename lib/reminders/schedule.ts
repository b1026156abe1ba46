/**
 * When a customer is reminded (#29 line 3): after `waitHours` without a change, then twice as long
 * each time (wait, 2×wait, 4×wait after the change), at most `max` times. Pure: the sender asks it
 * with the application's last change and the reminders already sent for that change.
 */
export type ReminderKind = "draft-unfinished" | "changes-unanswered";

export function nextReminderAt(
  since: Date,
  alreadySent: number,
  { waitHours, max }: { waitHours: number; max: number },
): Date | null {
  if (alreadySent >= max) return null;
  return new Date(since.getTime() + waitHours * 3_600_000 * 2 ** alreadySent);
}

/** Which reminder an application's status calls for, if any. */
export function reminderKindFor(status: string): ReminderKind | null {
  if (status === "DRAFT") return "draft-unfinished";
  if (status === "CHANGES_REQUESTED") return "changes-unanswered";
  return null;
}
