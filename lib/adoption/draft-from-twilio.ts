import { parsePhoneNumberFromString } from "libphonenumber-js";

import type { CampaignDraft } from "@/lib/campaign/draft-values";
import type { ApplicationDraft } from "@/lib/onboarding/steps";

import type { InventoryCampaignFields, ProposedCustomer } from "./group";

/**
 * An adopted customer's drafts from what Twilio holds (#28 line 1): the inverse of
 * lib/trusthub/payloads.ts (EndUser attributes, Address) and lib/campaign/payload.ts. Pure; the
 * attributes arrive decrypted from the candidate, in the portal only. A value Twilio does not hold
 * (a brand type before any brand) stays empty for the customer or staff to choose.
 */
export function applicationDraftFromTwilio(customer: ProposedCustomer): ApplicationDraft {
  const attributes = (type: string) =>
    customer.personal.endUsers.find((user) => user.type === type)?.attributes ?? null;
  const address = customer.personal.address;
  const draftAddress = address
    ? {
        customerName: address.customerName,
        street: address.street,
        ...(address.streetSecondary ? { streetSecondary: address.streetSecondary } : {}),
        city: address.city,
        region: address.region,
        postalCode: address.postalCode,
        country: address.isoCountry,
      }
    : {};
  if (customer.kind === "sole-proprietor") {
    const starter = attributes("starter_customer_profile_information") ?? {};
    const sole = attributes("sole_proprietor_information") ?? {};
    const vertical = text(sole.vertical);
    return {
      business: {
        hasTaxId: "no",
        businessName: text(sole.brand_name) ?? customer.name,
        ...(vertical ? { vertical } : {}),
      },
      representatives: {
        primary: {
          firstName: text(starter.first_name),
          lastName: text(starter.last_name),
          email: text(starter.email),
          ...phoneFields(text(sole.mobile_phone_number) ?? text(starter.phone_number)),
        },
      },
      address: draftAddress,
      company: {},
    };
  }
  const business = attributes("customer_profile_business_information") ?? {};
  const profile = attributes("us_a2p_messaging_profile_information") ?? {};
  const secondary = attributes("authorized_representative_2");
  const brand = customer.brand;
  return {
    business: {
      hasTaxId: "yes",
      businessName: text(business.business_name) ?? customer.name,
      businessIdentity: text(business.business_identity),
      businessType: text(business.business_type),
      businessIndustry: text(business.business_industry),
      registrationIdType: text(business.business_registration_identifier),
      registrationNumber: text(business.business_registration_number),
      regions: list(business.business_regions_of_operation),
      websiteUrl: text(business.website_url),
      socialMediaUrls: list(business.social_media_profile_urls),
    },
    representatives: {
      primary: representative(attributes("authorized_representative_1") ?? {}),
      hasSecondary: !!secondary,
      ...(secondary ? { secondary: representative(secondary) } : {}),
    },
    address: draftAddress,
    company: {
      companyType: text(profile.company_type),
      stockExchange: text(profile.stock_exchange) ?? "",
      stockTicker: text(profile.stock_ticker) ?? "",
      brandContactEmail: text(profile.brand_contact_email) ?? "",
      ...(brand ? { brandType: brand.skipAutomaticSecVet ? "LOW_VOLUME_STANDARD" : "STANDARD" } : {}),
    },
  };
}

/** The campaign form's draft from the campaign Twilio holds (five samples at most, keywords joined). */
export function campaignDraftFromTwilio(usecase: string | null, fields: InventoryCampaignFields): CampaignDraft {
  const samples = Object.fromEntries(
    fields.messageSamples.slice(0, 5).map((sample, index) => [`sample${index + 1}`, sample]),
  );
  return {
    usAppToPersonUsecase: usecase ?? "",
    description: fields.description,
    messageFlow: fields.messageFlow,
    ...samples,
    optInKeywords: fields.optInKeywords.join(", "),
    optInMessage: fields.optInMessage,
    optOutKeywords: fields.optOutKeywords.join(", "),
    optOutMessage: fields.optOutMessage,
    helpKeywords: fields.helpKeywords.join(", "),
    helpMessage: fields.helpMessage,
    hasEmbeddedLinks: fields.hasEmbeddedLinks,
    hasEmbeddedPhone: fields.hasEmbeddedPhone,
    ageGated: fields.ageGated,
    directLending: fields.directLending,
    privacyPolicyUrl: fields.privacyPolicyUrl,
    termsAndConditionsUrl: fields.termsAndConditionsUrl,
  };
}

function representative(attributes: Record<string, unknown>) {
  return {
    firstName: text(attributes.first_name),
    lastName: text(attributes.last_name),
    email: text(attributes.email),
    ...phoneFields(text(attributes.phone_number)),
    businessTitle: text(attributes.business_title),
    jobPosition: text(attributes.job_position),
  };
}

/**
 * E.164 as the form's country and national number. A +1 number outside any assigned area code (the
 * seeds' own +1 222 555 7890) is read as US; any other number it cannot place is kept whole.
 */
function phoneFields(e164: string | undefined): { phoneCountry?: string; phoneNumber?: string } {
  if (!e164) return {};
  const parsed = parsePhoneNumberFromString(e164);
  const country = parsed?.country ?? (parsed?.countryCallingCode === "1" ? "US" : undefined);
  return parsed && country
    ? { phoneCountry: country, phoneNumber: parsed.formatNational() }
    : { phoneCountry: "US", phoneNumber: e164 };
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() ? value.trim() : undefined;

/** Twilio's comma-separated lists (regions, social profiles) as the draft's lists. */
const list = (value: unknown): string[] =>
  typeof value === "string"
    ? value
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean)
    : Array.isArray(value)
      ? value.filter((item): item is string => typeof item === "string")
      : [];
