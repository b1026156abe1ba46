import type { ProvisioningStep } from "@/lib/trusthub/payloads";

/**
 * The ledger step the portal gives each kind of item an adopted bundle holds: an EndUser by its
 * type (seed 000 sections 1–2, Twilio's Sole Proprietor walkthrough), the address document, the
 * address it names, the ISV's primary profile in a customer profile, the customer profile in its
 * trust product. The same steps the pipeline records for what it creates (provisioning-graph.ts).
 */
export type AdoptedItemStep =
  Exclude<ProvisioningStep, "messaging-service" | "shaken-stir"> | "primary-customer-profile";

export const ITEM_STEP_BY_END_USER_TYPE: Record<string, AdoptedItemStep | undefined> = {
  customer_profile_business_information: "business-information",
  authorized_representative_1: "representative-1",
  authorized_representative_2: "representative-2",
  us_a2p_messaging_profile_information: "messaging-profile",
  starter_customer_profile_information: "starter-information",
  sole_proprietor_information: "sole-proprietor-information",
};
