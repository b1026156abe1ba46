/**
 * Trust Hub evaluation results → the wizard's fields. Pure: the provisioning pipeline stores what
 * this returns as comments next to the fields, and the customer fixes them there.
 */
export type EvaluationEntry = {
  friendly_name?: string;
  object_field: string;
  failure_reason: string | null;
  error_code: number | null;
};
export type EvaluationResult = {
  friendly_name?: string;
  object_type?: string;
  passed: boolean;
  failure_reason: string | null;
  error_code: number | null;
  valid?: EvaluationEntry[];
  invalid?: EvaluationEntry[];
  requirement_friendly_name?: string;
  requirement_name: string;
};

export type FieldProblem = { field: string; message: string; code: number | null; requirement: string };
/** Problems the customer cannot fix in the wizard (the ISV's primary profile, for one). */
export type OtherProblem = { message: string; code: number | null; requirement: string };

const BUSINESS_FIELDS: Record<string, string> = {
  business_name: "business.businessName",
  business_identity: "business.businessIdentity",
  business_type: "business.businessType",
  business_industry: "business.businessIndustry",
  business_registration_identifier: "business.registrationIdType",
  business_registration_number: "business.registrationNumber",
  business_regions_of_operation: "business.regions",
  website_url: "business.websiteUrl",
  social_media_profile_urls: "business.socialMediaUrls",
};

const REPRESENTATIVE_FIELDS: Record<string, string> = {
  first_name: "firstName",
  last_name: "lastName",
  email: "email",
  phone_number: "phoneNumber",
  business_title: "businessTitle",
  job_position: "jobPosition",
};

// A Sole Proprietor's trust product information (Twilio's Sole Proprietor walkthrough).
const SOLE_PROPRIETOR_FIELDS: Record<string, string> = {
  brand_name: "business.businessName",
  vertical: "business.vertical",
  mobile_phone_number: "representatives.primary.phoneNumber",
};

const COMPANY_FIELDS: Record<string, string> = {
  company_type: "company.companyType",
  stock_exchange: "company.stockExchange",
  stock_ticker: "company.stockTicker",
  brand_contact_email: "company.brandContactEmail",
};

/** The field of the wizard a Twilio object field belongs to, in the context of its requirement. */
export function wizardField(requirement: string, objectField: string): string | null {
  if (requirement === "authorized_representative_2" && REPRESENTATIVE_FIELDS[objectField])
    return `representatives.secondary.${REPRESENTATIVE_FIELDS[objectField]}`;
  if (REPRESENTATIVE_FIELDS[objectField]) return `representatives.primary.${REPRESENTATIVE_FIELDS[objectField]}`;
  if (BUSINESS_FIELDS[objectField]) return BUSINESS_FIELDS[objectField]!;
  if (SOLE_PROPRIETOR_FIELDS[objectField]) return SOLE_PROPRIETOR_FIELDS[objectField]!;
  if (COMPANY_FIELDS[objectField]) return COMPANY_FIELDS[objectField]!;
  // Evaluations name the address by its SIDs or parts; brand registration errors just say "address".
  if (["address_sids", "street", "customer_name", "address"].includes(objectField)) return "address.street";
  return null;
}

/** Where a failed requirement with no field entries points: the first field of its step. */
export const REQUIREMENT_FIELDS: Record<string, string> = {
  customer_profile_business_information: "business.businessName",
  business_info: "business.businessName",
  authorized_representative_1: "representatives.primary.firstName",
  authorized_representative_2: "representatives.secondary.firstName",
  customer_profile_address: "address.street",
  us_a2p_messaging_profile_information: "company.companyType",
  starter_customer_profile_information: "representatives.primary.firstName",
  sole_proprietor_information: "business.businessName",
};

export function evaluationProblems(results: EvaluationResult[]): { fields: FieldProblem[]; other: OtherProblem[] } {
  const fields: FieldProblem[] = [];
  const other: OtherProblem[] = [];
  for (const result of results) {
    if (result.passed) continue;
    const invalid = result.invalid ?? [];
    let placed = false;
    for (const entry of invalid) {
      const field = wizardField(result.requirement_name, entry.object_field);
      if (!field) continue;
      placed = true;
      if (!fields.some((problem) => problem.field === field)) {
        fields.push({
          field,
          message: entry.failure_reason ?? result.failure_reason ?? "Twilio could not accept this value.",
          code: entry.error_code ?? result.error_code,
          requirement: result.requirement_name,
        });
      }
    }
    if (placed) continue;
    const fallback = REQUIREMENT_FIELDS[result.requirement_name];
    if (fallback)
      fields.push({
        field: fallback,
        message: result.failure_reason ?? "Twilio could not accept this section.",
        code: result.error_code,
        requirement: result.requirement_name,
      });
    else
      other.push({
        message: result.failure_reason ?? `The requirement ${result.requirement_name} is not met.`,
        code: result.error_code,
        requirement: result.requirement_name,
      });
  }
  return { fields, other };
}
