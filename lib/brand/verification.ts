import { applicationKind, type Application, type ApplicationDraft } from "@/lib/onboarding/schema/application";

/**
 * The verification a brand waits for after it is created, by application kind:
 * - a Sole Proprietor brand: a one-time code texted to the owner's mobile, answered within 24 hours
 *   (Twilio's Sole Proprietor walkthrough; error 30752 "OTP invalid or expired"), sent again with
 *   POST /v1/a2p/BrandRegistrations/{BN}/SmsOtp;
 * - a public company (Authentication+): The Campaign Registry's 2FA email to the brand contact
 *   email, whose link is valid for 7 days (Twilio's Authentication+ support article), sent again
 *   with POST /v1/a2p/BrandRegistrations/{BN}/2fa (live-twilio.md §5).
 * Pure: the portal's records and Twilio's brand status go in, the state the customer reads comes out.
 */
export type VerificationMethod = "sms-otp" | "email-2fa";
export type VerificationState = "pending" | "expired" | "failed" | "verified";

const HOUR = 3_600_000;
export const VERIFICATION_WINDOW_MS: Record<VerificationMethod, number> = {
  "sms-otp": 24 * HOUR,
  "email-2fa": 7 * 24 * HOUR,
};
/** A resend at most once a minute: a double click or an impatient retry sends one message. */
export const RESEND_SPACING_MS = 60_000;

// Twilio's codes for an expired verification: 30752 (sole-prop OTP), 21737 (2FA link), 21741 (2FA code).
const EXPIRED_CODES: Record<VerificationMethod, number[]> = { "sms-otp": [30752], "email-2fa": [21737, 21741] };

const brandIdentityVerified = (identity: string | null) =>
  identity?.toUpperCase() === "VERIFIED" || identity?.toUpperCase() === "VETTED_VERIFIED";

export function verificationMethodFor(application: Application): VerificationMethod | null {
  if (application.kind === "sole-proprietor") return "sms-otp";
  return application.company.companyType === "public" ? "email-2fa" : null;
}

/**
 * Authentication+ failures other than expiry (troubleshooting-standard-lvs-brands.md): 21736 domain
 * not verified, 21738 email undeliverable, 21739 failed or timed out, 21740 free-mail domain. Each
 * is fixed on the brand contact email, then the verification is re-triggered (POST …/2fa).
 */
export const TWO_FACTOR_FAILURE_CODES = [21736, 21738, 21739, 21740];

/**
 * Authentication+ failures with nothing to fix in the customer's data (the page's remedy is to
 * re-initiate the 2FA request): 21737 link expired, 21739 failed or timed out, 21741 code expired.
 * The others (21736, 21738, 21740) are fixed on the brand contact email, by the customer.
 */
export const TWO_FACTOR_RETRY_CODES = [21737, 21739, 21741];

/** Whether a Twilio code is one of Authentication+'s (21736–21741, troubleshooting-standard-lvs-brands.md). */
export const isTwoFactorCode = (code: number | null): code is number => code !== null && code >= 21736 && code <= 21741;

/** Whether a brand's errors ask only for the verification to be re-triggered, not for the customer's fix. */
export function onlyTwoFactorRetryNeeded(errorCodes: (number | null)[]): boolean {
  return errorCodes.length > 0 && errorCodes.every((code) => code !== null && TWO_FACTOR_RETRY_CODES.includes(code));
}

/**
 * The verification's state. A sole proprietor's code: verified by the identity, expired by 30752 or
 * its documented 24 hours. Authentication+: only what Twilio reports, never a guess from a clock —
 * verified by the identity, expired by 21737/21741, failed by the other 2FA codes, else waiting.
 */
export function verificationState(input: {
  method: VerificationMethod;
  sentAt: Date;
  identityStatus: string | null;
  brandStatus: string | null;
  errorCodes: (number | null)[];
  now: Date;
}): VerificationState {
  if (brandIdentityVerified(input.identityStatus)) return "verified";
  if (input.errorCodes.some((code) => code !== null && EXPIRED_CODES[input.method].includes(code))) return "expired";
  if (input.method === "email-2fa")
    return input.errorCodes.some((code) => code !== null && TWO_FACTOR_FAILURE_CODES.includes(code))
      ? "failed"
      : "pending";
  return input.now.getTime() - input.sentAt.getTime() > VERIFICATION_WINDOW_MS[input.method] ? "expired" : "pending";
}

export function verificationExpiresAt(method: VerificationMethod, sentAt: Date): Date {
  return new Date(sentAt.getTime() + VERIFICATION_WINDOW_MS[method]);
}

/** The same, from a draft (the dashboard's summary reads drafts, valid or not). */
export function verificationMethodForDraft(draft: ApplicationDraft): VerificationMethod | null {
  if (applicationKind(draft) === "sole-proprietor") return "sms-otp";
  return draft.company?.companyType === "public" ? "email-2fa" : null;
}

/**
 * The verification the brand is waiting for now, or null, from what Twilio reports:
 * - a sole proprietor's brand waits for its code once it is APPROVED with its identity not yet
 *   verified: "the change to the APPROVED state triggers a new SMS OTP" (Twilio's Sole Proprietor
 *   walkthrough §3.1), so the code is sent then, not when the brand is created; a mock brand is
 *   sent no code at all (mock-brand-api.md);
 * - a public company's brand waits for the Authentication+ email while Twilio reports 30994
 *   ("brand pending, awaiting 2FA").
 * A verified identity ends both. The portal starts the window's clock when this first turns non-null.
 */
export function awaitedVerification(
  method: VerificationMethod | null,
  brand: {
    status: string | null;
    identityStatus: string | null;
    errorCodes: (number | null)[];
    mock?: boolean;
  },
): VerificationMethod | null {
  if (!method || !brand.status || brand.status === "FAILED" || brand.status === "SUSPENDED") return null;
  if (brandIdentityVerified(brand.identityStatus)) return null;
  if (method === "sms-otp") return brand.status === "APPROVED" && !brand.mock ? method : null;
  return brand.errorCodes.includes(30994) ? method : null;
}
