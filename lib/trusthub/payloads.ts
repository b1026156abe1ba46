import type { Application, SoleProprietorApplication, StandardApplication } from "@/lib/onboarding/schema/application";
import type { Representative } from "@/lib/onboarding/schema/representatives";

/**
 * The one mapping from a checked application to what Twilio receives (seeds 000 and 001): EndUser
 * attributes, Address parameters, the messaging-profile attributes, brand options and friendly
 * names. Pure: the provisioning pipeline only calls it.
 */

export const POLICY = {
  secondaryCustomerProfile: "RNdfbf3fae0e1107f8aded0e7cead80bf5",
  a2pMessagingProfile: "RNb0d4771c2c98518d916a3d4cd70a8f8b",
  shakenStir: "RN7a97559effdf62d00f4298208492a5ea",
  // Sole Proprietor brands (Twilio's Sole Proprietor ISV walkthrough and "API: Create a Starter
  // Profile"): a Starter Customer Profile and the Sole Proprietor A2P trust product.
  starterCustomerProfile: "RN806dd6cd175f314e1f96a9727ee271f4",
  soleProprietorA2p: "RN670d5d2e282a6130ae063b234b6019c8",
} as const;

/** The two bundles' policies for the application's kind. */
export function bundlePolicies(application: Application): { customerProfile: string; trustProduct: string } {
  return application.kind === "sole-proprietor"
    ? { customerProfile: POLICY.starterCustomerProfile, trustProduct: POLICY.soleProprietorA2p }
    : { customerProfile: POLICY.secondaryCustomerProfile, trustProduct: POLICY.a2pMessagingProfile };
}

/** starter_customer_profile_information: the sole proprietor as the profile's contact. */
export function starterProfileAttributes(application: SoleProprietorApplication) {
  const contact = application.representatives.primary;
  return {
    first_name: contact.firstName,
    last_name: contact.lastName,
    email: contact.email,
    phone_number: contact.phoneE164,
  };
}

/** sole_proprietor_information: the brand, and the mobile number that receives the one-time code. */
export function soleProprietorAttributes(application: SoleProprietorApplication) {
  return {
    brand_name: application.business.businessName,
    // Optional at Twilio (Sole Proprietor walkthrough §2.3): sent only when the customer chose one.
    ...(application.business.vertical ? { vertical: application.business.vertical } : {}),
    mobile_phone_number: application.representatives.primary.phoneE164,
  };
}

export type BusinessInformationAttributes = {
  business_name: string;
  business_identity: string;
  business_type: string;
  business_industry: string;
  business_registration_identifier: string;
  business_registration_number: string;
  business_regions_of_operation: string;
  website_url: string;
  social_media_profile_urls: string;
};

export function businessInformationAttributes(application: StandardApplication): BusinessInformationAttributes {
  const business = application.business;
  return {
    business_name: business.businessName,
    business_identity: business.businessIdentity,
    business_type: business.businessType,
    business_industry: business.businessIndustry,
    business_registration_identifier: business.registrationIdType,
    business_registration_number: business.registrationNumber,
    business_regions_of_operation: business.regions.join(","),
    website_url: business.websiteUrl,
    social_media_profile_urls: business.socialMediaUrls.join(","),
  };
}

export type RepresentativeAttributes = {
  first_name: string;
  last_name: string;
  email: string;
  phone_number: string;
  business_title: string;
  job_position: string;
};

export function representativeAttributes(representative: Representative): RepresentativeAttributes {
  return {
    first_name: representative.firstName,
    last_name: representative.lastName,
    email: representative.email,
    phone_number: representative.phoneE164,
    business_title: representative.businessTitle,
    job_position: representative.jobPosition,
  };
}

/** Parameters of client.addresses.create / update (Api v2010). */
export type AddressParams = {
  customerName: string;
  street: string;
  streetSecondary?: string;
  city: string;
  region: string;
  postalCode: string;
  isoCountry: string;
  friendlyName: string;
};

export function addressParams(application: Application, applicationId: string): AddressParams {
  const address = application.address;
  return {
    customerName: address.customerName,
    street: address.street,
    ...(address.streetSecondary ? { streetSecondary: address.streetSecondary } : {}),
    city: address.city,
    region: address.region,
    postalCode: address.postalCode,
    isoCountry: address.country,
    // Twilio allows 64 characters here: the marker goes first so it survives the cut.
    friendlyName: `${marker(applicationId, "address")} ${application.business.businessName}`.slice(0, 64),
  };
}

export type MessagingProfileAttributes = {
  company_type: string;
  stock_exchange?: string;
  stock_ticker?: string;
  brand_contact_email?: string;
};

/** Stock fields only for public companies (seed 000, step 2.2). */
export function messagingProfileAttributes(application: StandardApplication): MessagingProfileAttributes {
  const company = application.company;
  if (company.companyType !== "public") {
    return {
      company_type: company.companyType,
      ...(company.brandContactEmail ? { brand_contact_email: company.brandContactEmail } : {}),
    };
  }
  return {
    company_type: "public",
    stock_exchange: company.stockExchange,
    stock_ticker: company.stockTicker,
    brand_contact_email: company.brandContactEmail,
  };
}

/**
 * Low-Volume Standard is a STANDARD brand that skips automatic secondary vetting; a Sole
 * Proprietor brand is BrandType SOLE_PROPRIETOR, which has no secondary vetting.
 */
export function hasSecondaryVetting(application: Application): boolean {
  const options = brandRegistrationOptions(application);
  return options.brandType === "STANDARD" && !options.skipAutomaticSecVet;
}

/** The BrandRegistration create's options by application kind (seed 003).
 */
export function brandRegistrationOptions(
  application: Application,
): { brandType: "STANDARD"; skipAutomaticSecVet: boolean } | { brandType: "SOLE_PROPRIETOR" } {
  // Twilio's Sole Proprietor sample sends BrandType alone.
  if (application.kind === "sole-proprietor") return { brandType: "SOLE_PROPRIETOR" };
  return { brandType: "STANDARD", skipAutomaticSecVet: application.company.brandType === "LOW_VOLUME_STANDARD" };
}

export type ProvisioningStep =
  | "customer-profile"
  | "business-information"
  | "representative-1"
  | "representative-2"
  | "address"
  | "address-document"
  | "trust-product"
  | "messaging-profile"
  | "starter-information"
  | "sole-proprietor-information"
  | "messaging-service"
  | "shaken-stir";

const STEP_LABELS: Record<ProvisioningStep, string> = {
  "customer-profile": "Secondary Customer Profile",
  "business-information": "Business Information",
  "representative-1": "Authorized Representative 1",
  "representative-2": "Authorized Representative 2",
  address: "Address",
  "address-document": "Address Document",
  "trust-product": "A2P Messaging Profile",
  "messaging-profile": "Messaging Profile Information",
  "starter-information": "Starter Profile Information",
  "sole-proprietor-information": "Sole Proprietor Information",
  "messaging-service": "A2P 10DLC Messaging Service",
  "shaken-stir": "SHAKEN/STIR Trust Product",
};

/**
 * A friendly name that people can read (as the seeds advise: "Acme, Inc. Secondary Customer
 * Profile") and that carries the application and step, so a retry after a crash can find and adopt
 * what an earlier attempt created.
 */
export function friendlyName(application: Application, applicationId: string, step: ProvisioningStep): string {
  return `${application.business.businessName} ${STEP_LABELS[step]} ${marker(applicationId, step)}`;
}

function marker(applicationId: string, step: ProvisioningStep): string {
  return `[app:${applicationId}:${step}]`;
}

/** The application and step a friendly name was made for, or null. */
export function parseFriendlyName(name: string): { applicationId: string; step: ProvisioningStep } | null {
  const match = /\[app:([^:\]]+):([a-z0-9-]+)\]/.exec(name);
  if (!match || !(match[2]! in STEP_LABELS)) return null;
  return { applicationId: match[1]!, step: match[2] as ProvisioningStep };
}
