/**
 * The toll-free verification form's fields, in the order the form shows them, labelled as Twilio's
 * toll-free verification resource names them (../shared/twilio-docs/tollfree-verification-resource.md)
 * with plain help, and each one's enumeration where Twilio has one (Messaging v1 OpenAPI,
 * `tollfree_verification_enum_*`). One table for the customer's form, the staff review (comments
 * and Twilio's rejection reasons name these keys), the stored draft and the request sent to Twilio.
 */
export type TollfreeFieldKind = "text" | "longtext" | "select" | "categories" | "flag" | "lines";

export type TollfreeField = {
  key: TollfreeFieldKey;
  label: string;
  kind: TollfreeFieldKind;
  help: string;
  /** Twilio's parameter (CreateTollfreeVerificationRequest). */
  twilioName: string;
  options?: readonly { value: string; label: string }[];
  inputMode?: "email" | "tel" | "url";
  autoComplete?: string;
};

export const USE_CASE_CATEGORIES = [
  { value: "TWO_FACTOR_AUTHENTICATION", label: "Two-factor authentication" },
  { value: "ACCOUNT_NOTIFICATIONS", label: "Account notifications" },
  { value: "CUSTOMER_CARE", label: "Customer care" },
  { value: "CHARITY_NONPROFIT", label: "Charity / nonprofit" },
  { value: "DELIVERY_NOTIFICATIONS", label: "Delivery notifications" },
  { value: "FRAUD_ALERT_MESSAGING", label: "Fraud alert messaging" },
  { value: "EVENTS", label: "Events" },
  { value: "HIGHER_EDUCATION", label: "Higher education" },
  { value: "K12", label: "K-12 education" },
  { value: "MARKETING", label: "Marketing" },
  { value: "POLLING_AND_VOTING_NON_POLITICAL", label: "Polling and voting (non-political)" },
  { value: "POLITICAL_ELECTION_CAMPAIGNS", label: "Political election campaigns" },
  { value: "PUBLIC_SERVICE_ANNOUNCEMENT", label: "Public service announcement" },
  { value: "SECURITY_ALERT", label: "Security alert" },
] as const;

export const OPT_IN_TYPES = [
  { value: "WEB_FORM", label: "A form on a website" },
  { value: "VERBAL", label: "Verbally (in person or on a call)" },
  { value: "PAPER_FORM", label: "A paper form" },
  { value: "VIA_TEXT", label: "By texting a keyword" },
  { value: "MOBILE_QR_CODE", label: "By scanning a QR code" },
  { value: "IMPORT", label: "Imported from an existing list" },
] as const;

export const BUSINESS_TYPES = [
  { value: "PRIVATE_PROFIT", label: "Private company" },
  { value: "PUBLIC_PROFIT", label: "Publicly traded company" },
  { value: "NON_PROFIT", label: "Non-profit" },
  { value: "GOVERNMENT", label: "Government" },
  { value: "SOLE_PROPRIETOR", label: "Sole proprietor (no registration number)" },
] as const;

export const REGISTRATION_AUTHORITIES = [
  { value: "EIN", label: "EIN (US Employer Identification Number)" },
  { value: "CBN", label: "CBN (Canadian Business Number)" },
  { value: "PROVINCIAL_NUMBER", label: "Provincial number (Canada)" },
  { value: "NEQ", label: "NEQ (Quebec)" },
  { value: "CRN", label: "CRN (Company Registration Number)" },
  { value: "VAT", label: "VAT number" },
  { value: "ACN", label: "ACN (Australia)" },
  { value: "ABN", label: "ABN (Australia)" },
  { value: "BRN", label: "BRN (Hong Kong)" },
  { value: "SIREN", label: "SIREN (France)" },
  { value: "SIRET", label: "SIRET (France)" },
  { value: "NZBN", label: "NZBN (New Zealand)" },
  { value: "USt-IdNr", label: "USt-IdNr (Germany)" },
  { value: "CIF", label: "CIF (Spain)" },
  { value: "NIF", label: "NIF (Spain, Portugal)" },
  { value: "CNPJ", label: "CNPJ (Brazil)" },
  { value: "UID", label: "UID (Switzerland, Austria)" },
  { value: "OTHER", label: "Other" },
] as const;

/** The monthly volumes Twilio's resource reference lists. */
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
].map((value) => ({ value, label: value }));

export const TOLLFREE_FIELD_KEYS = [
  "businessName",
  "doingBusinessAs",
  "businessWebsite",
  "businessType",
  "businessRegistrationAuthority",
  "businessRegistrationNumber",
  "businessRegistrationCountry",
  "businessStreetAddress",
  "businessStreetAddress2",
  "businessCity",
  "businessStateProvinceRegion",
  "businessPostalCode",
  "businessCountry",
  "businessContactFirstName",
  "businessContactLastName",
  "businessContactEmail",
  "businessContactPhone",
  "notificationEmail",
  "useCaseCategories",
  "useCaseSummary",
  "productionMessageSample",
  "messageVolume",
  "optInType",
  "optInImageUrls",
  "optInKeywords",
  "optInConfirmationMessage",
  "helpMessageSample",
  "privacyPolicyUrl",
  "termsAndConditionsUrl",
  "ageGatedContent",
  "additionalInformation",
] as const;
export type TollfreeFieldKey = (typeof TOLLFREE_FIELD_KEYS)[number];

const text = (
  key: TollfreeFieldKey,
  label: string,
  twilioName: string,
  help: string,
  extra: Partial<TollfreeField> = {},
): TollfreeField => ({ key, label, kind: "text", help, twilioName, ...extra });

export const TOLLFREE_FIELDS: readonly TollfreeField[] = [
  text("businessName", "Business Name", "BusinessName", "Your legal business name, exactly as registered."),
  text("doingBusinessAs", "Doing Business As", "DoingBusinessAs", "Optional: the trade name your customers know."),
  text("businessWebsite", "Business Website", "BusinessWebsite", "Your public website, starting with https://.", {
    inputMode: "url",
    autoComplete: "url",
  }),
  {
    key: "businessType",
    label: "Business Type",
    kind: "select",
    help: "Twilio requires it for every new verification since January 2026.",
    twilioName: "BusinessType",
    options: BUSINESS_TYPES,
  },
  {
    key: "businessRegistrationAuthority",
    label: "Business Registration Authority",
    kind: "select",
    help: "Who issued your registration number. Not needed for a sole proprietor.",
    twilioName: "BusinessRegistrationAuthority",
    options: REGISTRATION_AUTHORITIES,
  },
  text(
    "businessRegistrationNumber",
    "Business Registration Number",
    "BusinessRegistrationNumber",
    "For example your 9-digit EIN. Not needed for a sole proprietor.",
  ),
  text(
    "businessRegistrationCountry",
    "Business Registration Country",
    "BusinessRegistrationCountry",
    "Two letters, for example US or CA.",
  ),
  text("businessStreetAddress", "Street Address", "BusinessStreetAddress", "Where your business is registered.", {
    autoComplete: "address-line1",
  }),
  text("businessStreetAddress2", "Street Address 2", "BusinessStreetAddress2", "Optional: suite, floor, unit.", {
    autoComplete: "address-line2",
  }),
  text("businessCity", "City", "BusinessCity", "", { autoComplete: "address-level2" }),
  text("businessStateProvinceRegion", "State, Province or Region", "BusinessStateProvinceRegion", "For example CA.", {
    autoComplete: "address-level1",
  }),
  text("businessPostalCode", "Postal Code", "BusinessPostalCode", "", { autoComplete: "postal-code" }),
  text("businessCountry", "Country", "BusinessCountry", "Two letters, for example US.", {
    autoComplete: "country",
  }),
  text("businessContactFirstName", "Contact First Name", "BusinessContactFirstName", "A person at your business.", {
    autoComplete: "given-name",
  }),
  text("businessContactLastName", "Contact Last Name", "BusinessContactLastName", "", { autoComplete: "family-name" }),
  text(
    "businessContactEmail",
    "Contact Email",
    "BusinessContactEmail",
    "At your business's own domain, not a free mailbox (Twilio rejects those: 30482).",
    { inputMode: "email", autoComplete: "email" },
  ),
  text(
    "businessContactPhone",
    "Contact Phone",
    "BusinessContactPhone",
    "In international format, such as +14155550100.",
    {
      inputMode: "tel",
      autoComplete: "tel",
    },
  ),
  text(
    "notificationEmail",
    "Notification Email",
    "NotificationEmail",
    "Where Twilio writes about this verification's result.",
    { inputMode: "email", autoComplete: "email" },
  ),
  {
    key: "useCaseCategories",
    label: "Use Case Categories",
    kind: "categories",
    help: "Every kind of message this number sends.",
    twilioName: "UseCaseCategories",
    options: USE_CASE_CATEGORIES,
  },
  {
    key: "useCaseSummary",
    label: "Use Case Summary",
    kind: "longtext",
    help: "Who receives your messages, why they signed up, and what you send them.",
    twilioName: "UseCaseSummary",
  },
  {
    key: "productionMessageSample",
    label: "Production Message Sample",
    kind: "longtext",
    help: "One message exactly as you will send it, with your business name and how to opt out.",
    twilioName: "ProductionMessageSample",
  },
  {
    key: "messageVolume",
    label: "Message Volume",
    kind: "select",
    help: "About how many messages a month this number will send.",
    twilioName: "MessageVolume",
    options: MESSAGE_VOLUMES,
  },
  {
    key: "optInType",
    label: "Opt-in Type",
    kind: "select",
    help: "How people agree to receive your messages.",
    twilioName: "OptInType",
    options: OPT_IN_TYPES,
  },
  {
    key: "optInImageUrls",
    label: "Opt-in Image URLs",
    kind: "lines",
    help: "Public links to screenshots or photos of where people opt in, one per line.",
    twilioName: "OptInImageUrls",
  },
  text(
    "optInKeywords",
    "Opt-in Keywords",
    "OptInKeywords",
    "Optional: words people text to subscribe, separated by commas (for example START).",
  ),
  {
    key: "optInConfirmationMessage",
    label: "Opt-in Confirmation Message",
    kind: "longtext",
    help: "Optional: the message people get right after they opt in.",
    twilioName: "OptInConfirmationMessage",
  },
  {
    key: "helpMessageSample",
    label: "Help Message Sample",
    kind: "longtext",
    help: "Optional: what you answer when someone texts HELP.",
    twilioName: "HelpMessageSample",
  },
  text("privacyPolicyUrl", "Privacy Policy URL", "PrivacyPolicyUrl", "Optional: the address of your privacy policy.", {
    inputMode: "url",
  }),
  text(
    "termsAndConditionsUrl",
    "Terms and Conditions URL",
    "TermsAndConditionsUrl",
    "Optional: the address of your messaging terms.",
    { inputMode: "url" },
  ),
  {
    key: "ageGatedContent",
    label: "Age-gated content",
    kind: "flag",
    help: "Tick if your messages are about alcohol, tobacco or other age-restricted products.",
    twilioName: "AgeGatedContent",
  },
  {
    key: "additionalInformation",
    label: "Additional Information",
    kind: "longtext",
    help: "Optional: anything else that helps the reviewers.",
    twilioName: "AdditionalInformation",
  },
];

const byKey = new Map(TOLLFREE_FIELDS.map((field) => [field.key, field]));

export function tollfreeField(key: string): TollfreeField | undefined {
  return byKey.get(key as TollfreeFieldKey);
}

export const tollfreeFieldLabel = (key: string) => tollfreeField(key)?.label ?? key;

/** Comments and Twilio's reasons for one verification are kept under `tollfree:<id>.<key>`. */
export const tollfreePathPrefix = (verificationId: string) => `tollfree:${verificationId}.`;
