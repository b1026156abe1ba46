import type { REGISTRATION_AUTHORITIES } from "./fields";
import type { Tollfree } from "./schema";

/** Checked by the schema's refinement when the business is registered. */
type Authority = (typeof REGISTRATION_AUTHORITIES)[number]["value"];

/**
 * What the portal sends Twilio for a toll-free verification, in the SDK's names
 * (TollfreeVerificationListInstanceCreateOptions): the customer's answers as the shared schema
 * produced them, empty optional answers left out. Create and edit take the same business answers;
 * only create names the number, the customer's profile and the portal's reference.
 */
export function tollfreeBusinessOptions(verification: Tollfree) {
  const optional = (value: string) => (value ? value : undefined);
  const registered = verification.businessType !== "SOLE_PROPRIETOR";
  return {
    businessName: verification.businessName,
    doingBusinessAs: optional(verification.doingBusinessAs),
    businessWebsite: verification.businessWebsite,
    businessType: verification.businessType,
    businessRegistrationNumber: registered ? verification.businessRegistrationNumber : undefined,
    businessRegistrationAuthority: registered ? (verification.businessRegistrationAuthority as Authority) : undefined,
    businessRegistrationCountry: registered ? verification.businessRegistrationCountry : undefined,
    businessStreetAddress: verification.businessStreetAddress,
    businessStreetAddress2: optional(verification.businessStreetAddress2),
    businessCity: verification.businessCity,
    businessStateProvinceRegion: verification.businessStateProvinceRegion,
    businessPostalCode: verification.businessPostalCode,
    businessCountry: verification.businessCountry,
    businessContactFirstName: verification.businessContactFirstName,
    businessContactLastName: verification.businessContactLastName,
    businessContactEmail: verification.businessContactEmail,
    businessContactPhone: verification.businessContactPhone,
    notificationEmail: verification.notificationEmail,
    useCaseCategories: verification.useCaseCategories,
    useCaseSummary: verification.useCaseSummary,
    productionMessageSample: verification.productionMessageSample,
    messageVolume: verification.messageVolume,
    optInType: verification.optInType,
    optInImageUrls: verification.optInImageUrls,
    optInKeywords: verification.optInKeywords.length ? verification.optInKeywords : undefined,
    optInConfirmationMessage: optional(verification.optInConfirmationMessage),
    helpMessageSample: optional(verification.helpMessageSample),
    privacyPolicyUrl: optional(verification.privacyPolicyUrl),
    termsAndConditionsUrl: optional(verification.termsAndConditionsUrl),
    ageGatedContent: verification.ageGatedContent,
    additionalInformation: optional(verification.additionalInformation),
  };
}

export function tollfreeCreateOptions(
  verification: Tollfree,
  ids: { phoneNumberSid: string; externalReferenceId: string; customerProfileSid: string | null },
) {
  return {
    ...tollfreeBusinessOptions(verification),
    tollfreePhoneNumberSid: ids.phoneNumberSid,
    externalReferenceId: ids.externalReferenceId,
    ...(ids.customerProfileSid ? { customerProfileSid: ids.customerProfileSid } : {}),
  };
}

/**
 * The portal's reference for one submission of one verification: found again by Twilio's list
 * filter (ExternalReferenceId) when a create's answer was lost, so a verification is never created
 * twice; a new submission after the edit window closed has a new one.
 */
export const tollfreeReference = (verificationId: string, submission: number) => `${verificationId}-${submission}`;
