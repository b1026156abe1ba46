import type { Store, StoredResource } from "../core/store";
import { isPoBox } from "./attributes";
import {
  A2P_MESSAGING_PROFILE_POLICY,
  SECONDARY_CUSTOMER_PROFILE_POLICY,
  SHAKEN_STIR_POLICY,
  SOLE_PROPRIETOR_A2P_POLICY,
  STARTER_CUSTOMER_PROFILE_POLICY,
} from "./policies";

/** One field's verdict, in the shape of seed 001's evaluation example. */
type FieldResult = {
  friendly_name: string;
  object_field: string;
  failure_reason: string | null;
  error_code: number | null;
};

export type RequirementResult = {
  friendly_name: string;
  object_type: string;
  passed: boolean;
  failure_reason: string | null;
  error_code: number | null;
  valid: FieldResult[];
  invalid: FieldResult[];
  requirement_friendly_name: string;
  requirement_name: string;
};

export type Evaluation = { status: "compliant" | "noncompliant"; results: RequirementResult[] };

const FIELD_NAMES: Record<string, string> = {
  business_name: "Business Name",
  business_identity: "Business Identity",
  business_type: "Business Type",
  business_industry: "Business Industry",
  business_registration_identifier: "Business Registration ID Type",
  business_registration_number: "Business Registration Number",
  business_regions_of_operation: "Business Regions of Operation",
  website_url: "Website URL",
  first_name: "First Name",
  last_name: "Last Name",
  email: "Email",
  phone_number: "Phone Number",
  business_title: "Business Title",
  job_position: "Job Position",
  company_type: "Company Type",
  stock_exchange: "Stock Exchange",
  stock_ticker: "Stock Ticker",
  brand_contact_email: "Brand Contact Email",
  address_sids: "Address sid(s)",
  customer_name: "Customer Name",
  street: "Street",
  brand_name: "Brand Name",
  vertical: "Vertical",
  mobile_phone_number: "Mobile Phone Number",
};

const present = (value: unknown) => value !== undefined && value !== null && String(value).trim() !== "";

/** Registration number formats by type, from seed 004 (the types it gives a format for). */
const REGISTRATION_FORMATS: Record<string, RegExp> = {
  EIN: /^\d{2}-?\d{7}$/,
  DUNS: /^\d{2}-?\d{3}-?\d{4}$/,
  CBN: /^\d{9}$/,
  ACN: /^\d{3}\s?\d{3}\s?\d{3}$/,
  CIN: /^[A-Z0-9]{21}$/i,
};

function fieldResults(
  requirementLabel: string,
  attributes: Record<string, unknown>,
  required: string[],
  extraChecks: (field: string) => string | null = () => null,
) {
  const valid: FieldResult[] = [];
  const invalid: FieldResult[] = [];
  for (const field of required) {
    const name = FIELD_NAMES[field] ?? field;
    if (!present(attributes[field])) {
      invalid.push({
        friendly_name: name,
        object_field: field,
        failure_reason: `The ${name} is missing. Please enter in a ${name} on the ${requirementLabel}.`,
        error_code: 22215,
      });
      continue;
    }
    const problem = extraChecks(field);
    if (problem) invalid.push({ friendly_name: name, object_field: field, failure_reason: problem, error_code: 22217 });
    else valid.push({ friendly_name: name, object_field: field, failure_reason: null, error_code: null });
  }
  return { valid, invalid };
}

function endUserRequirement(
  label: string,
  requirementName: string,
  endUser: StoredResource | undefined,
  required: string[],
  extraChecks?: (attributes: Record<string, unknown>) => (field: string) => string | null,
): RequirementResult {
  const attributes = (endUser?.fields.attributes as Record<string, unknown> | undefined) ?? {};
  const { valid, invalid } = fieldResults(label, attributes, required, extraChecks?.(attributes));
  const missing = !endUser;
  return {
    friendly_name: label,
    object_type: requirementName,
    passed: !missing && invalid.length === 0,
    failure_reason: missing
      ? `A ${label} End-User is missing. Please add one to the regulatory bundle.`
      : invalid.length
        ? `The ${label} has missing or invalid fields. Please correct them.`
        : null,
    error_code: missing ? 22214 : invalid.length ? 22215 : null,
    valid,
    invalid,
    requirement_friendly_name: label,
    requirement_name: requirementName,
  };
}

function assigned(store: Store, bundleSid: string) {
  const objects = store
    .list("EntityAssignment", (assignment) => assignment.parentSid === bundleSid)
    .map((assignment) => store.get(String(assignment.fields.object_sid)))
    .filter((object): object is StoredResource => !!object);
  const endUser = (type: string) => objects.find((object) => object.kind === "EndUser" && object.fields.type === type);
  return { objects, endUser };
}

const BUSINESS_FIELDS = [
  "business_name",
  "business_identity",
  "business_type",
  "business_industry",
  "business_registration_identifier",
  "business_registration_number",
  "business_regions_of_operation",
  "website_url",
];
const REPRESENTATIVE_FIELDS = ["first_name", "last_name", "email", "phone_number", "business_title", "job_position"];

function secondaryProfileResults(store: Store, bundle: StoredResource): RequirementResult[] {
  const { objects, endUser } = assigned(store, bundle.sid);
  const results: RequirementResult[] = [];

  results.push(
    endUserRequirement(
      "Business Information",
      "customer_profile_business_information",
      endUser("customer_profile_business_information"),
      BUSINESS_FIELDS,
      (attributes) => (field) => {
        if (field === "business_registration_number") {
          const format = REGISTRATION_FORMATS[String(attributes.business_registration_identifier)];
          if (format && !format.test(String(attributes.business_registration_number))) {
            return `The Business Registration Number is not a valid ${String(attributes.business_registration_identifier)}. Please check the number on the Business Information.`;
          }
        }
        if (field === "business_registration_identifier" && attributes.business_registration_identifier === "CCN") {
          return "The Canadian Corporation Number (CCN) is no longer accepted. Please use the Canadian Business Number (CBN).";
        }
        return null;
      },
    ),
  );

  // Documented trigger: a representative whose last name contains "Mismatch" does not match the
  // name Twilio finds for the business, as a real identity check would report.
  const nameCheck = (label: string) => (attributes: Record<string, unknown>) => (field: string) =>
    (field === "first_name" || field === "last_name") && /mismatch/i.test(String(attributes.last_name ?? ""))
      ? `The ${FIELD_NAMES[field]} does not match the ${FIELD_NAMES[field]} on record for this business. Please make sure the ${label} fields use the same exact inputs.`
      : null;
  results.push(
    endUserRequirement(
      "Authorized Representative 1",
      "authorized_representative_1",
      endUser("authorized_representative_1"),
      REPRESENTATIVE_FIELDS,
      nameCheck("Authorized Representative 1"),
    ),
  );
  const secondRepresentative = endUser("authorized_representative_2");
  if (secondRepresentative) {
    results.push(
      endUserRequirement(
        "Authorized Representative 2",
        "authorized_representative_2",
        secondRepresentative,
        REPRESENTATIVE_FIELDS,
        nameCheck("Authorized Representative 2"),
      ),
    );
  }

  results.push(addressRequirement(store, bundle, objects));
  results.push(
    profileRequirement(
      "Primary Customer Profile",
      "primary_customer_profile",
      objects.filter((object) => object.sid !== bundle.sid),
      true,
    ),
  );
  return results;
}

function addressRequirement(
  store: Store,
  bundle: StoredResource,
  objects: StoredResource[],
  rules: { poBoxAllowed: boolean } = { poBoxAllowed: false },
): RequirementResult {
  const document = objects.find(
    (object) => object.kind === "SupportingDocument" && object.fields.type === "customer_profile_address",
  );
  const base = {
    friendly_name: "Physical Business Address",
    object_type: "customer_profile_address",
    requirement_friendly_name: "Physical Business Address",
    requirement_name: "customer_profile_address",
  };
  if (!document) {
    return {
      ...base,
      passed: false,
      failure_reason: "A Physical Business Address is missing. Please add one to the regulatory bundle.",
      error_code: 22216,
      valid: [],
      invalid: [
        {
          friendly_name: "Address sid(s)",
          object_field: "address_sids",
          failure_reason: "The Address is missing. Please enter in the address of the business headquarters.",
          error_code: 22219,
        },
      ],
    };
  }
  const sids = String((document.fields.attributes as Record<string, unknown>)?.address_sids ?? "")
    .split(",")
    .map((sid) => sid.trim())
    .filter(Boolean);
  const addresses = sids
    .map((sid) => store.get(sid, "Address"))
    .filter((address) => address && address.accountSid === bundle.accountSid);
  const invalid: FieldResult[] = [];
  if (addresses.length === 0) {
    invalid.push({
      friendly_name: "Address sid(s)",
      object_field: "address_sids",
      failure_reason:
        "The Address is missing or was not found. Please enter in the address of the business headquarters.",
      error_code: 22219,
    });
  } else if (
    !rules.poBoxAllowed &&
    addresses.some((address) => isPoBox(`${address!.fields.street ?? ""} ${address!.fields.street_secondary ?? ""}`))
  ) {
    invalid.push({
      friendly_name: "Address sid(s)",
      object_field: "address_sids",
      failure_reason:
        "The Address is a PO Box. PO Boxes are not accepted: please enter the physical address of the business.",
      error_code: 22219,
    });
  }
  return {
    ...base,
    passed: invalid.length === 0,
    failure_reason: invalid.length ? "The Physical Business Address is not valid. Please correct it." : null,
    error_code: invalid.length ? 22216 : null,
    valid: invalid.length
      ? []
      : [{ friendly_name: "Address sid(s)", object_field: "address_sids", failure_reason: null, error_code: null }],
    invalid,
  };
}

/**
 * A customer profile assigned to the bundle. For a secondary profile it is the ISV's primary
 * profile (same account or the parent account), which must be twilio-approved.
 */
function profileRequirement(
  label: string,
  requirementName: string,
  objects: StoredResource[],
  mustBeApproved: boolean,
): RequirementResult {
  const profile = objects.find((object) => object.kind === "CustomerProfile");
  const problem = !profile
    ? `A ${label} is missing. Please assign one to the regulatory bundle.`
    : mustBeApproved && profile.fields.status !== "twilio-approved"
      ? `The ${label} is not twilio-approved (its status is ${String(profile.fields.status)}).`
      : null;
  return {
    friendly_name: label,
    object_type: "customer_profile",
    passed: !problem,
    failure_reason: problem,
    error_code: problem ? 22214 : null,
    valid: [],
    invalid: [],
    requirement_friendly_name: label,
    requirement_name: requirementName,
  };
}

function a2pProfileResults(store: Store, bundle: StoredResource): RequirementResult[] {
  const { objects, endUser } = assigned(store, bundle.sid);
  const messagingProfile = endUser("us_a2p_messaging_profile_information");
  const attributes = (messagingProfile?.fields.attributes as Record<string, unknown> | undefined) ?? {};
  const required = ["company_type"];
  if (attributes.company_type === "public") required.push("stock_exchange", "stock_ticker", "brand_contact_email");
  return [
    endUserRequirement(
      "US A2P Messaging Profile Information",
      "us_a2p_messaging_profile_information",
      messagingProfile,
      required,
    ),
    profileRequirement("Secondary Customer Profile", "customer_profile", objects, false),
  ];
}

/** A Starter Customer Profile: its contact, the address and the ISV's primary profile. */
function starterProfileResults(store: Store, bundle: StoredResource): RequirementResult[] {
  const { objects, endUser } = assigned(store, bundle.sid);
  return [
    endUserRequirement(
      "Starter Customer Profile Information",
      "starter_customer_profile_information",
      endUser("starter_customer_profile_information"),
      ["first_name", "last_name", "email", "phone_number"],
    ),
    // A Sole Proprietor's address "can be a PO Box" (Twilio's Sole Proprietor walkthrough).
    addressRequirement(store, bundle, objects, { poBoxAllowed: true }),
    profileRequirement(
      "Primary Customer Profile",
      "primary_customer_profile",
      objects.filter((object) => object.sid !== bundle.sid),
      true,
    ),
  ];
}

function soleProprietorResults(store: Store, bundle: StoredResource): RequirementResult[] {
  const { objects, endUser } = assigned(store, bundle.sid);
  return [
    endUserRequirement(
      "Sole Proprietor Information",
      "sole_proprietor_information",
      endUser("sole_proprietor_information"),
      // vertical is optional (Sole Proprietor walkthrough §2.3); when given, its value was checked on create.
      ["brand_name", "mobile_phone_number"],
    ),
    profileRequirement("Starter Customer Profile", "customer_profile", objects, false),
  ];
}

/** Evaluates a bundle against its policy, from what is actually assigned to it now. */
export function evaluateBundle(store: Store, bundle: StoredResource): Evaluation {
  const policy = String(bundle.fields.policy_sid);
  let results: RequirementResult[];
  if (policy === SECONDARY_CUSTOMER_PROFILE_POLICY) results = secondaryProfileResults(store, bundle);
  else if (policy === A2P_MESSAGING_PROFILE_POLICY) results = a2pProfileResults(store, bundle);
  else if (policy === STARTER_CUSTOMER_PROFILE_POLICY) results = starterProfileResults(store, bundle);
  else if (policy === SOLE_PROPRIETOR_A2P_POLICY) results = soleProprietorResults(store, bundle);
  else if (policy === SHAKEN_STIR_POLICY)
    results = [
      profileRequirement("Secondary Customer Profile", "customer_profile", assigned(store, bundle.sid).objects, false),
    ];
  else results = [];
  return { status: results.every((result) => result.passed) ? "compliant" : "noncompliant", results };
}
