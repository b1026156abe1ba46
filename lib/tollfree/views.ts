import type { ApplicationStatus } from "@prisma/client";

import type { TollfreeDraft } from "./draft-values";

/** Shapes the server hands to the toll-free pages: neutral, so the browser imports nothing from lib/server. */
export type TollfreeSnapshot = {
  verificationId: string;
  version: number;
  draft: TollfreeDraft;
  status: ApplicationStatus;
  updatedAt: string;
  submittedAt: string | null;
  phoneNumber: string;
  phoneNumberSid: string;
};

export type TollfreeRejectionView = { code: number | null; text: string; url: string | null };

/** Where the verification stands at Twilio, once sent. */
export type TollfreeAtTwilio = {
  sid: string;
  status: string;
  rejections: TollfreeRejectionView[];
  editAllowed: boolean | null;
  editExpiration: string | null;
  /** Twilio still takes a fix of this verification in place (priority review). */
  windowOpen: boolean;
  submission: number;
};

export type TollfreePageData = {
  snapshot: TollfreeSnapshot;
  twilio: TollfreeAtTwilio | null;
  /** Open comments (staff's, or Twilio's reasons) by field key; "general" for those about no one field. */
  comments: Record<string, string[]>;
  /** The saved draft checked by the schema: its first message per field. */
  savedFieldErrors: Record<string, string>;
};

export type TollfreeNumberRow = {
  phoneNumberSid: string;
  phoneNumber: string;
  verification: { id: string; status: ApplicationStatus; twilioStatus: string | null } | null;
};

/** A verification as staff review it (every answer with its notes, Twilio's word). */
export type TollfreeStaffView = {
  id: string;
  phoneNumber: string;
  status: ApplicationStatus;
  version: number;
  submittedAt: string | null;
  rows: { key: string; label: string; value: string; notes: string[] }[];
  twilio: TollfreeAtTwilio | null;
  fieldOptions: { value: string; label: string }[];
};
