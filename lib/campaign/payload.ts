import { campaignSamples, type Campaign } from "@/lib/campaign/schema";

/**
 * The campaign as Twilio's UsAppToPerson calls take it (Messaging v1 OpenAPI; live-twilio.md §6).
 * Pure (the gateway, lib/server/twilio/campaigns.ts, checks these against the SDK's own types).
 * Optional texts are sent only when given: Twilio checks the length of whatever it receives.
 */
function optional(campaign: Campaign) {
  return {
    ...(campaign.privacyPolicyUrl ? { privacyPolicyUrl: campaign.privacyPolicyUrl } : {}),
    ...(campaign.termsAndConditionsUrl ? { termsAndConditionsUrl: campaign.termsAndConditionsUrl } : {}),
  };
}

export function campaignCreateOptions(campaign: Campaign, brandRegistrationSid: string) {
  return {
    brandRegistrationSid,
    usAppToPersonUsecase: campaign.usAppToPersonUsecase,
    description: campaign.description,
    messageFlow: campaign.messageFlow,
    messageSamples: campaignSamples(campaign),
    hasEmbeddedLinks: campaign.hasEmbeddedLinks,
    hasEmbeddedPhone: campaign.hasEmbeddedPhone,
    ageGated: campaign.ageGated,
    directLending: campaign.directLending,
    ...(campaign.optInMessage ? { optInMessage: campaign.optInMessage } : {}),
    ...(campaign.optOutMessage ? { optOutMessage: campaign.optOutMessage } : {}),
    ...(campaign.helpMessage ? { helpMessage: campaign.helpMessage } : {}),
    ...(campaign.optInKeywords.length ? { optInKeywords: campaign.optInKeywords } : {}),
    ...(campaign.optOutKeywords.length ? { optOutKeywords: campaign.optOutKeywords } : {}),
    ...(campaign.helpKeywords.length ? { helpKeywords: campaign.helpKeywords } : {}),
    // Opt-in is how every campaign the portal registers collects consent (the message flow says where).
    subscriberOptIn: true,
    ...optional(campaign),
  };
}

/** Twilio's update takes no use case (changing it means a new campaign) and no keywords. */
export function campaignUpdateOptions(campaign: Campaign) {
  return {
    description: campaign.description,
    messageFlow: campaign.messageFlow,
    messageSamples: campaignSamples(campaign),
    hasEmbeddedLinks: campaign.hasEmbeddedLinks,
    hasEmbeddedPhone: campaign.hasEmbeddedPhone,
    ageGated: campaign.ageGated,
    directLending: campaign.directLending,
    ...optional(campaign),
  };
}
