/**
 * Twilio's toll-free verification (TFV) rules the sandbox enforces, each from a Twilio document:
 * - OAI: ../shared/twilio-oai/twilio_messaging_v1.json, CreateTollfreeVerificationRequest (required
 *   parameters and every enumeration below);
 * - RES: ../shared/twilio-docs/tollfree-verification-resource.md (properties, MessageVolume values,
 *   "Required for all business types except SOLE_PROPRIETOR");
 * - ONB: ../shared/twilio-docs/toll-free-verification-api-onboarding.md ("Fix a rejected TFV
 *   request": `edit_allowed`, `edit_expiration` seven days, `rejection_reasons` with a `reason`
 *   and a `code`; "After that date, the TFV request expires and you need to create another");
 * - HELP: Twilio's "Why Was My Toll-Free Verification Rejected?" (help.twilio.com/articles/9321443984155)
 *   and the error pages twilio.com/docs/api/errors/NNNNN, for the rejection codes and whether each
 *   can be resubmitted.
 */

/** OAI `CreateTollfreeVerificationRequest.required`. */
export const REQUIRED_ON_CREATE = [
  "BusinessName",
  "BusinessWebsite",
  "NotificationEmail",
  "UseCaseCategories",
  "UseCaseSummary",
  "ProductionMessageSample",
  "OptInImageUrls",
  "OptInType",
  "MessageVolume",
  "TollfreePhoneNumberSid",
] as const;

/** OAI tollfree_verification_enum_use_case_categories. */
export const USE_CASE_CATEGORIES = [
  "TWO_FACTOR_AUTHENTICATION",
  "ACCOUNT_NOTIFICATIONS",
  "CUSTOMER_CARE",
  "CHARITY_NONPROFIT",
  "DELIVERY_NOTIFICATIONS",
  "FRAUD_ALERT_MESSAGING",
  "EVENTS",
  "HIGHER_EDUCATION",
  "K12",
  "MARKETING",
  "POLLING_AND_VOTING_NON_POLITICAL",
  "POLITICAL_ELECTION_CAMPAIGNS",
  "PUBLIC_SERVICE_ANNOUNCEMENT",
  "SECURITY_ALERT",
] as const;

/** OAI tollfree_verification_enum_opt_in_type. */
export const OPT_IN_TYPES = [
  "VERBAL",
  "WEB_FORM",
  "PAPER_FORM",
  "VIA_TEXT",
  "MOBILE_QR_CODE",
  "IMPORT",
  "IMPORT_PLEASE_REPLACE",
] as const;

/** OAI tollfree_verification_enum_business_type. */
export const BUSINESS_TYPES = [
  "PRIVATE_PROFIT",
  "PUBLIC_PROFIT",
  "SOLE_PROPRIETOR",
  "NON_PROFIT",
  "GOVERNMENT",
] as const;

/** OAI tollfree_verification_enum_business_registration_authority. */
export const REGISTRATION_AUTHORITIES = [
  "EIN",
  "CBN",
  "CRN",
  "PROVINCIAL_NUMBER",
  "VAT",
  "ACN",
  "ABN",
  "BRN",
  "SIREN",
  "SIRET",
  "NZBN",
  "USt-IdNr",
  "CIF",
  "NIF",
  "CNPJ",
  "UID",
  "NEQ",
  "OTHER",
] as const;

/** OAI tollfree_verification_enum_vetting_provider. */
export const VETTING_PROVIDERS = ["CAMPAIGN_VERIFY"] as const;

/** RES "MessageVolume": the estimates Twilio lists. */
export const MESSAGE_VOLUMES = [
  "10",
  "100",
  "1,000",
  "10,000",
  "100,000",
  "250,000",
  "500,000",
  "750,000",
  "1,000,000",
  "5,000,000",
  "10,000,000+",
] as const;

/** ONB: "Twilio sets this property value to seven days". */
export const EDIT_WINDOW_DAYS = 7;

/** NANP toll-free prefixes (RES, first paragraph). */
export const TOLL_FREE_PREFIXES = ["800", "888", "877", "866", "855", "844", "833"] as const;

export const isTollFreeNumber = (phoneNumber: string) =>
  TOLL_FREE_PREFIXES.some((prefix) => phoneNumber.startsWith(`+1${prefix}`));

/** A rejection reason as ONB describes `rejection_reasons`: a human-readable `reason` and a `code`. */
export type RejectionReason = { code: number; reason: string };

/** HELP: the codes the sandbox's triggers give, with Twilio's titles and the "Resubmittable?" column. */
export const REJECTIONS = {
  businessNameMismatch: { code: 30484, reason: "Business name and official records do not match", resubmittable: true },
  registrationNumberInvalid: {
    code: 30527,
    reason: "Business Registration Number is missing or invalid",
    resubmittable: true,
  },
  disallowedCryptocurrency: {
    code: 30464,
    reason: "Toll Free verification rejection - Disallowed: Cryptocurrency",
    resubmittable: false,
  },
} as const;

/** The error a rejected verification's edit gets once its window closed (twilio.com/docs/api/errors/30437). */
export const EDIT_TIME_EXPIRED = { code: 30437, message: "Toll Free verification rejection - Edit time expired" };

/**
 * The sandbox's deterministic decisions (sandbox/README.md "Deterministic outcomes"): words in what
 * was submitted pick Twilio's documented reasons, so demos and tests can reach each path.
 */
export function rejectionsFor(fields: Record<string, unknown>): (typeof REJECTIONS)[keyof typeof REJECTIONS][] {
  const found: (typeof REJECTIONS)[keyof typeof REJECTIONS][] = [];
  if (/reject|mismatch/i.test(String(fields.business_name ?? ""))) found.push(REJECTIONS.businessNameMismatch);
  if (/^0+$/.test(String(fields.business_registration_number ?? ""))) found.push(REJECTIONS.registrationNumberInvalid);
  if (/crypto/i.test(String(fields.use_case_summary ?? ""))) found.push(REJECTIONS.disallowedCryptocurrency);
  return found;
}
