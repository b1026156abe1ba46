import type { TollfreeRejection } from "./rejection";

/**
 * What the ledger keeps of a toll-free verification at Twilio (TwilioResource.details, step
 * "tollfree:<id>"): which approved version and which submission were sent, and Twilio's last word
 * on it (rejection reasons, whether and until when it may be edited).
 */
export type TollfreeLedgerDetails = {
  sentVersion: number | null;
  submission: number;
  rejections: TollfreeRejection[];
  editAllowed: boolean | null;
  editExpiration: string | null;
};

export function tollfreeLedgerDetails(details: unknown): TollfreeLedgerDetails {
  const record = details && typeof details === "object" ? (details as Record<string, unknown>) : {};
  const rejections = Array.isArray(record.rejections)
    ? record.rejections.filter(
        (item): item is TollfreeRejection =>
          !!item && typeof item === "object" && typeof (item as TollfreeRejection).reason === "string",
      )
    : [];
  return {
    sentVersion: typeof record.sentVersion === "number" ? record.sentVersion : null,
    submission: typeof record.submission === "number" ? record.submission : 1,
    rejections,
    editAllowed: typeof record.editAllowed === "boolean" ? record.editAllowed : null,
    editExpiration: typeof record.editExpiration === "string" ? record.editExpiration : null,
  };
}

export const tollfreeLedgerStep = (verificationId: string) => `tollfree:${verificationId}` as const;

/**
 * Whether a rejected verification can still be fixed in place (Twilio's onboarding guide: when
 * `edit_allowed` is true, before `edit_expiration`), or needs a new submission, which Twilio reviews
 * in its standard queue (error 30437: "handled like a new verification instead of a priority
 * resubmission").
 */
export function editWindowOpen(
  details: Pick<TollfreeLedgerDetails, "editAllowed" | "editExpiration">,
  now: Date,
): boolean {
  if (details.editAllowed !== true) return false;
  if (!details.editExpiration) return true;
  const closes = Date.parse(details.editExpiration);
  return Number.isNaN(closes) || closes > now.getTime();
}

/** Twilio's statuses after which a verification no longer changes on its own. */
export const TOLLFREE_FINAL = ["TWILIO_APPROVED", "TWILIO_REJECTED"];
