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
};
