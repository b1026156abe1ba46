import { countryName } from "@/lib/onboarding/schema/geo";
import {
  BRAND_TYPES,
  BUSINESS_IDENTITIES,
  COMPANY_TYPES,
  industryLabel,
  REGIONS,
  REGISTRATION_ID_TYPES,
} from "@/lib/onboarding/schema/options";
import { applicationKind, type ApplicationDraft, type FormStepId } from "@/lib/onboarding/steps";

/** The words for the tax-ID question, shared by the wizard and the review. */
export const TAX_ID_CHOICES = [
  {
    value: "yes",
    label: "Yes, my business has a tax ID",
    help: "An EIN in the US, a Canadian BN, or your country's company registration ID.",
  },
  {
    value: "no",
    label: "No, I am a sole proprietor without one",
    help: "A Sole Proprietor brand (US and Canada only): one campaign from one number, verified by a code texted to your mobile.",
  },
] as const;

export type ReviewRow = { label: string; value: string; field: string };
export type ReviewSection = { step: FormStepId; title: string; rows: ReviewRow[] };

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : "—");
const pick = <T extends { value: string; label: string }>(options: readonly T[], value: unknown) =>
  options.find((option) => option.value === value)?.label ?? text(value);

/** A representative's rows; a sole proprietor's own contact has no title or position, and a mobile. */
function representativeRows(
  prefix: string,
  rep: Record<string, unknown> | undefined,
  soleProprietor = false,
): ReviewRow[] {
  const r = rep ?? {};
  const contact = [
    { label: "First Name", value: text(r.firstName), field: `${prefix}.firstName` },
    { label: "Last Name", value: text(r.lastName), field: `${prefix}.lastName` },
    { label: "Email", value: text(r.email), field: `${prefix}.email` },
    {
      label: soleProprietor ? "Mobile Phone Number" : "Phone Number",
      value: r.phoneNumber ? `${text(r.phoneNumber)} (${text(r.phoneCountry)})` : "—",
      field: `${prefix}.phoneNumber`,
    },
  ];
  if (soleProprietor) return contact;
  return [
    ...contact,
    { label: "Business Title", value: text(r.businessTitle), field: `${prefix}.businessTitle` },
    { label: "Job Position", value: text(r.jobPosition), field: `${prefix}.jobPosition` },
  ];
}

/** The review page's summary of the draft, grouped as in the wizard, with Twilio's field names. */
export function reviewSections(draft: ApplicationDraft): ReviewSection[] {
  return applicationKind(draft) === "sole-proprietor" ? soleProprietorSections(draft) : standardSections(draft);
}

function addressSection(a: Record<string, unknown>, title = "Business address"): ReviewSection {
  return {
    step: "address",
    title,
    rows: [
      { label: "Business Name on the Address", value: text(a.customerName), field: "customerName" },
      {
        label: "Street Address",
        value:
          [a.street, a.streetSecondary].filter((part) => typeof part === "string" && part.trim()).join(", ") || "—",
        field: "street",
      },
      { label: "City", value: text(a.city), field: "city" },
      { label: "State / Province / Region", value: text(a.region), field: "region" },
      { label: "Postal Code", value: text(a.postalCode), field: "postalCode" },
      {
        label: "Country",
        value: typeof a.country === "string" && a.country ? countryName(a.country) : "—",
        field: "country",
      },
    ],
  };
}

/** Only what a Sole Proprietor brand sends to Twilio. */
function soleProprietorSections(draft: ApplicationDraft): ReviewSection[] {
  const b = draft.business ?? {};
  const primary = ((draft.representatives ?? {}).primary ?? {}) as Record<string, unknown>;
  return [
    {
      step: "business",
      title: "Business information",
      rows: [
        { label: "Tax ID", value: pick(TAX_ID_CHOICES, b.hasTaxId), field: "hasTaxId" },
        { label: "Brand Name", value: text(b.businessName), field: "businessName" },
        {
          label: "Vertical",
          value: typeof b.vertical === "string" && b.vertical ? industryLabel(b.vertical) : "—",
          field: "vertical",
        },
      ],
    },
    {
      step: "representatives",
      title: "Your contact details",
      rows: representativeRows("primary", primary, true),
    },
    addressSection(draft.address ?? {}, "Address"),
    {
      step: "company",
      title: "Brand type",
      rows: [{ label: "Brand type", value: "Sole Proprietor", field: "brandType" }],
    },
  ];
}

function standardSections(draft: ApplicationDraft): ReviewSection[] {
  const b = draft.business ?? {};
  const reps = draft.representatives ?? {};
  const a = draft.address ?? {};
  const c = draft.company ?? {};
  const regions = Array.isArray(b.regions)
    ? (b.regions as string[]).map((region) => pick(REGIONS, region)).join(", ")
    : "—";
  const social = Array.isArray(b.socialMediaUrls) ? (b.socialMediaUrls as string[]).filter(Boolean).join(", ") : "";
  return [
    {
      step: "business",
      title: "Business information",
      rows: [
        { label: "Business Name", value: text(b.businessName), field: "businessName" },
        { label: "Business Identity", value: pick(BUSINESS_IDENTITIES, b.businessIdentity), field: "businessIdentity" },
        { label: "Business Type", value: text(b.businessType), field: "businessType" },
        {
          label: "Business Industry",
          value: typeof b.businessIndustry === "string" && b.businessIndustry ? industryLabel(b.businessIndustry) : "—",
          field: "businessIndustry",
        },
        {
          label: "Business Registration ID Type",
          value:
            b.registrationIdType === "Other"
              ? `Other: ${text(b.registrationIdTypeOther)}`
              : pick(REGISTRATION_ID_TYPES, b.registrationIdType),
          field: "registrationIdType",
        },
        { label: "Business Registration Number", value: text(b.registrationNumber), field: "registrationNumber" },
        { label: "Business Regions of Operation", value: regions || "—", field: "regions" },
        { label: "Website URL", value: text(b.websiteUrl), field: "websiteUrl" },
        { label: "Social Media Profile URLs", value: social || "—", field: "socialMediaUrls" },
      ],
    },
    {
      step: "representatives",
      title: "Authorized representatives",
      rows: [
        ...representativeRows("primary", reps.primary as Record<string, unknown> | undefined).map((row) => ({
          ...row,
          label: `Representative 1: ${row.label}`,
        })),
        ...(reps.hasSecondary
          ? representativeRows("secondary", reps.secondary as Record<string, unknown> | undefined).map((row) => ({
              ...row,
              label: `Representative 2: ${row.label}`,
            }))
          : []),
      ],
    },
    addressSection(a),
    {
      step: "company",
      title: "Company type",
      rows: [
        { label: "Company Type", value: pick(COMPANY_TYPES, c.companyType), field: "companyType" },
        ...(c.companyType === "public"
          ? [
              { label: "Stock Exchange", value: text(c.stockExchange), field: "stockExchange" },
              { label: "Stock Ticker", value: text(c.stockTicker), field: "stockTicker" },
            ]
          : []),
        { label: "Brand Contact Email", value: text(c.brandContactEmail), field: "brandContactEmail" },
        { label: "Brand type", value: pick(BRAND_TYPES, c.brandType), field: "brandType" },
      ],
    },
  ];
}
