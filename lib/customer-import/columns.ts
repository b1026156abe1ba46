import type { FormStepId } from "@/lib/onboarding/steps";

/**
 * The columns of a customer import file (#28 line 2). A header names each column; the order is
 * free, and "Organization Name", "organization-name" and "organization_name" are one column. The
 * first four are required; the rest prefill the customer's draft, checked by the wizard's own rules,
 * for the customer to review and complete.
 */
export const REQUIRED_COLUMNS = [
  { column: "organization_name", meaning: "The customer's company name, as staff see it." },
  { column: "external_id", meaning: "Your product's id for this customer: importing it again changes nothing." },
  { column: "first_user_email", meaning: "Who is invited to register the customer." },
  { column: "first_user_name", meaning: "That person's name (their account form starts with it)." },
] as const;

export type DraftColumn = { column: string; step: FormStepId; field: string; meaning: string };

export const DRAFT_COLUMNS: DraftColumn[] = [
  { column: "business_name", step: "business", field: "businessName", meaning: "Legal business name." },
  { column: "business_type", step: "business", field: "businessType", meaning: "For example Corporation, LLC." },
  { column: "business_industry", step: "business", field: "businessIndustry", meaning: "Twilio's industry value." },
  {
    column: "registration_id_type",
    step: "business",
    field: "registrationIdType",
    meaning: "EIN, CBN or another type.",
  },
  { column: "registration_number", step: "business", field: "registrationNumber", meaning: "EIN or other number." },
  { column: "website_url", step: "business", field: "websiteUrl", meaning: "The business's website." },
  { column: "street", step: "address", field: "street", meaning: "Street and number." },
  { column: "street_secondary", step: "address", field: "streetSecondary", meaning: "Suite, unit, floor." },
  { column: "city", step: "address", field: "city", meaning: "City." },
  { column: "region", step: "address", field: "region", meaning: "State or province code, like CA." },
  { column: "postal_code", step: "address", field: "postalCode", meaning: "ZIP or postal code." },
  { column: "country", step: "address", field: "country", meaning: "US or CA." },
  { column: "company_type", step: "company", field: "companyType", meaning: "private, public, non-profit…" },
  { column: "stock_exchange", step: "company", field: "stockExchange", meaning: "For a public company." },
  { column: "stock_ticker", step: "company", field: "stockTicker", meaning: "For a public company." },
];

export const KNOWN_COLUMNS = new Set<string>([
  ...REQUIRED_COLUMNS.map((c) => c.column),
  ...DRAFT_COLUMNS.map((c) => c.column),
]);

/** A header cell as the column it names: case, spaces and hyphens do not matter. */
export function columnName(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}
