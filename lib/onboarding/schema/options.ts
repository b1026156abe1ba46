/**
 * Twilio's accepted values (seeds 001 and 004) with the words a small-business owner reads.
 * The values are exactly Twilio's; only the labels are ours.
 */
export const BUSINESS_IDENTITIES = [
  {
    value: "direct_customer",
    label: "We send messages to our own customers",
    help: "You are the business whose name appears on the messages.",
  },
  {
    value: "isv_reseller_or_partner",
    label: "We resell messaging to other businesses",
    help: "You provide messaging software or services that other businesses use to reach their customers.",
  },
  { value: "unknown", label: "Not sure", help: "Choose this if neither fits; our team will check with you." },
] as const;

export const BUSINESS_TYPES = [
  "Sole Proprietorship",
  "Partnership",
  "Limited Liability Corporation",
  "Co-operative",
  "Non-profit Corporation",
  "Corporation",
] as const;

export const BUSINESS_INDUSTRIES = [
  "AUTOMOTIVE",
  "AGRICULTURE",
  "BANKING",
  "CONSUMER",
  "EDUCATION",
  "ENGINEERING",
  "ENERGY",
  "OIL_AND_GAS",
  "FAST_MOVING_CONSUMER_GOODS",
  "FINANCIAL",
  "FINTECH",
  "FOOD_AND_BEVERAGE",
  "GOVERNMENT",
  "HEALTHCARE",
  "HOSPITALITY",
  "INSURANCE",
  "LEGAL",
  "MANUFACTURING",
  "MEDIA",
  "ONLINE",
  "RAW_MATERIALS",
  "REAL_ESTATE",
  "RELIGION",
  "RETAIL",
  "JEWELRY",
  "TECHNOLOGY",
  "TELECOMMUNICATIONS",
  "TRANSPORTATION",
  "TRAVEL",
  "ELECTRONICS",
  "NOT_FOR_PROFIT",
] as const;

/** "FAST_MOVING_CONSUMER_GOODS" → "Fast moving consumer goods". */
export function industryLabel(value: string): string {
  const words = value.toLowerCase().replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const REGISTRATION_ID_TYPES = [
  { value: "EIN", label: "USA: Employer Identification Number (EIN)", example: "12-3456789" },
  { value: "DUNS", label: "USA: DUNS Number (Dun & Bradstreet)", example: "12-345-6789" },
  { value: "CBN", label: "Canada: Canadian Business Number (CBN)", example: "123456789" },
  { value: "CN", label: "Great Britain: Company Number", example: "01234567" },
  { value: "ACN", label: "Australia: Company Number from ASIC (ACN)", example: "123 456 789" },
  { value: "CIN", label: "India: Corporate Identity Number (CIN)", example: "L12345MH2000PLC123456" },
  { value: "VAT", label: "Estonia: VAT Number", example: "EE123456789" },
  { value: "VATRN", label: "Romania: VAT Registration Number", example: "RO1234567" },
  { value: "RN", label: "Israel: Registration Number", example: "512345678" },
  { value: "Other", label: "Other", example: "" },
] as const;
export const REGISTRATION_ID_TYPE_VALUES = REGISTRATION_ID_TYPES.map((type) => type.value);

export const REGIONS = [
  { value: "USA_AND_CANADA", label: "USA and Canada" },
  { value: "LATIN_AMERICA", label: "Latin America" },
  { value: "EUROPE", label: "Europe" },
  { value: "AFRICA", label: "Africa" },
  { value: "ASIA", label: "Asia" },
  { value: "AUSTRALIA", label: "Australia" },
] as const;
export const REGION_VALUES = REGIONS.map((region) => region.value);

export const JOB_POSITIONS = ["Director", "GM", "VP", "CEO", "CFO", "General Counsel", "Other"] as const;

export const COMPANY_TYPES = [
  { value: "private", label: "Private company", help: "A for-profit company whose shares are not publicly traded." },
  { value: "public", label: "Public company", help: "A for-profit company whose shares trade on a stock exchange." },
  { value: "non-profit", label: "Non-profit organization", help: "A charity or other tax-exempt organization." },
  { value: "government", label: "Government", help: "A government body or agency." },
] as const;
export const COMPANY_TYPE_VALUES = COMPANY_TYPES.map((type) => type.value);

export const STOCK_EXCHANGES = [
  "NONE",
  "NASDAQ",
  "NYSE",
  "AMEX",
  "AMX",
  "ASX",
  "B3",
  "BME",
  "BSE",
  "FRA",
  "ICEX",
  "JPX",
  "JSE",
  "KRX",
  "LON",
  "NSE",
  "OMX",
  "SEHK",
  "SSE",
  "STO",
  "SWX",
  "SZSE",
  "TSX",
  "TWSE",
  "VSE",
] as const;

export const BRAND_TYPES = [
  {
    value: "STANDARD",
    label: "Standard",
    help: "For most businesses. Includes automatic secondary vetting, which can raise your sending limits.",
  },
  {
    value: "LOW_VOLUME_STANDARD",
    label: "Low-Volume Standard",
    help: "For businesses sending fewer than about 6,000 messages a day. Skips automatic secondary vetting (a lower fee), with lower throughput.",
  },
] as const;
export const BRAND_TYPE_VALUES = BRAND_TYPES.map((type) => type.value);

/**
 * The brand verticals of The Campaign Registry, which Twilio's sole_proprietor_information EndUser
 * takes as its optional `vertical`: the 23 values Twilio's Sole Proprietor ISV walkthrough §2.3
 * publishes (not in its OpenAPI); the sandbox refuses any other.
 */
export const SOLE_PROPRIETOR_VERTICALS = [
  "AGRICULTURE",
  "COMMUNICATION",
  "CONSTRUCTION",
  "EDUCATION",
  "ENERGY",
  "ENTERTAINMENT",
  "FINANCIAL",
  "GAMBLING",
  "GOVERNMENT",
  "HEALTHCARE",
  "HOSPITALITY",
  "HUMAN_RESOURCES",
  "INSURANCE",
  "LEGAL",
  "MANUFACTURING",
  "NGO",
  "POLITICAL",
  "POSTAL",
  "PROFESSIONAL",
  "REAL_ESTATE",
  "RETAIL",
  "TECHNOLOGY",
  "TRANSPORTATION",
] as const;

/** Sole proprietor brands are for the US and Canada only (Twilio's Sole Proprietor walkthrough). */
export const SOLE_PROPRIETOR_COUNTRIES = ["US", "CA"] as const;
