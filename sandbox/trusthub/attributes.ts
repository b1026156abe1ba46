import { invalidParameter, TwilioError } from "../core/errors";

/**
 * EndUser attribute rules from seeds 001 and 004. Values outside an enumeration, malformed phone
 * numbers, emails and URLs are refused at once (400), as Twilio does; missing fields are accepted
 * and reported by the evaluation instead.
 */
export const END_USER_TYPES = [
  "customer_profile_business_information",
  "authorized_representative_1",
  "authorized_representative_2",
  "us_a2p_messaging_profile_information",
  // Sole Proprietor brands (Twilio's Sole Proprietor ISV walkthrough).
  "starter_customer_profile_information",
  "sole_proprietor_information",
] as const;
export type EndUserType = (typeof END_USER_TYPES)[number];

export const ENUMS = {
  business_identity: ["direct_customer", "isv_reseller_or_partner", "unknown"],
  business_type: [
    "Sole Proprietorship",
    "Partnership",
    "Limited Liability Corporation",
    "Co-operative",
    "Non-profit Corporation",
    "Corporation",
  ],
  business_industry: [
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
  ],
  business_registration_identifier: ["EIN", "DUNS", "CCN", "CBN", "CN", "ACN", "CIN", "VAT", "VATRN", "RN", "Other"],
  business_regions_of_operation: ["AFRICA", "ASIA", "EUROPE", "LATIN_AMERICA", "USA_AND_CANADA", "AUSTRALIA"],
  job_position: ["Director", "GM", "VP", "CEO", "CFO", "General Counsel", "Other"],
  company_type: ["public", "private", "non-profit", "government"],
  stock_exchange: [
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
  ],
  // sole_proprietor_information's optional vertical: the 23 values of Twilio's Sole Proprietor
  // walkthrough §2.3 ("It can be one of the following values").
  vertical: [
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
  ],
} as const;

const E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Twilio accepts a bare domain ("test.com", as in seed 001) as well as a full http(s) URL.
const WEB_URL = /^(https?:\/\/)?([a-z0-9-]+\.)+[a-z]{2,}(:\d+)?(\/\S*)?$/i;

function check(name: string, value: unknown): void {
  if (value === undefined || value === null || value === "") return;
  const text = String(value);
  const allowed = (ENUMS as Record<string, readonly string[]>)[name];
  if (name === "business_regions_of_operation") {
    for (const region of text.split(",").map((part) => part.trim())) {
      if (!ENUMS.business_regions_of_operation.includes(region as never)) {
        throw invalidParameter(
          `Attributes.${name}`,
          `'${region}' is not one of ${ENUMS.business_regions_of_operation.join(", ")}`,
        );
      }
    }
    return;
  }
  if (allowed && !allowed.includes(text))
    throw invalidParameter(`Attributes.${name}`, `'${text}' is not one of ${allowed.join(", ")}`);
  if ((name === "phone_number" || name === "mobile_phone_number") && !E164.test(text))
    throw invalidParameter(`Attributes.${name}`, `'${text}' is not an E.164 phone number such as +15017122661`);
  if ((name === "email" || name === "brand_contact_email") && !EMAIL.test(text))
    throw invalidParameter(`Attributes.${name}`, `'${text}' is not an email address`);
  if (name === "website_url" && !WEB_URL.test(text))
    throw invalidParameter(`Attributes.${name}`, `'${text}' is not a URL`);
  if (name === "social_media_profile_urls") {
    for (const url of text
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean)) {
      if (!WEB_URL.test(url)) throw invalidParameter(`Attributes.${name}`, `'${url}' is not a URL`);
    }
  }
}

/** Parses the Attributes parameter (JSON text, as the SDK sends it) and checks each value. */
export function parseAttributes(raw: string | undefined): Record<string, unknown> {
  if (raw === undefined || raw === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new TwilioError(400, 22207, "Attributes could not be parsed as JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw invalidParameter("Attributes", "must be a JSON object");
  for (const [name, value] of Object.entries(parsed)) check(name, value);
  return parsed as Record<string, unknown>;
}

/**
 * PO boxes are not accepted as a business's address (seed 001); a Sole Proprietor's may be one
 * (Twilio's Sole Proprietor walkthrough), so the Starter profile does not check it.
 */
export function isPoBox(street: string): boolean {
  return /\b(p\.?\s*o\.?\s*box|post\s+office\s+box|postal\s+box)\b/i.test(street);
}
