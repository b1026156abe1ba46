import type { VerificationMethod, VerificationState } from "@/lib/brand/verification";

/** What the home page and the staff page show of a brand's verification (dates as ISO text). */
export type BrandVerificationView = {
  applicationId: string;
  method: VerificationMethod;
  state: VerificationState;
  sentAt: string;
  expiresAt: string;
  sends: number;
  /** Where the message went: the mobile number or the brand contact email. */
  sentTo: string;
  /** Whether this viewer may send it again (and it is not verified yet). */
  canResend: boolean;
  /** Twilio's Authentication+ error, when it failed or expired (code and its words). */
  failure: { code: number; description: string } | null;
  /** What sending it again costs (Authentication+ re-verification; nothing for a code or a mock brand). */
  resendFeeUsd: number | null;
};
