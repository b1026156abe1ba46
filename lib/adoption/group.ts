import { POLICY } from "@/lib/trusthub/payloads";

import { ITEM_STEP_BY_END_USER_TYPE, type AdoptedItemStep } from "./item-steps";

/**
 * How the registrations an ISV already has at Twilio group into customers (#28 line 1). Pure: the
 * scan reads (lib/server/twilio/inventory.ts), this proposes, staff confirm. One customer per
 * Secondary Customer Profile (or Starter profile): its A2P trust product is the one assigned that
 * profile, its brand the one naming the profile, its Messaging Services those whose campaign names
 * the brand; a service without a campaign belongs to the customer when it is its subaccount's only
 * customer. A profile assigned inside another (the ISV's primary) is not a customer.
 */

export type InventoryBundle = {
  sid: string;
  friendlyName: string;
  status: string;
  policySid: string;
  /** The bundle's entity assignments: each item's SID and the assignment's own. */
  assignments: { sid: string; objectSid: string }[];
};
export type InventoryAddress = {
  sid: string;
  customerName: string;
  street: string;
  streetSecondary: string;
  city: string;
  region: string;
  postalCode: string;
  isoCountry: string;
};
/** What a campaign was registered with, in the SDK's names (Messaging v1 UsAppToPerson). */
export type InventoryCampaignFields = {
  description: string;
  messageFlow: string;
  messageSamples: string[];
  hasEmbeddedLinks: boolean;
  hasEmbeddedPhone: boolean;
  ageGated: boolean;
  directLending: boolean;
  optInMessage: string;
  optOutMessage: string;
  helpMessage: string;
  optInKeywords: string[];
  optOutKeywords: string[];
  helpKeywords: string[];
  privacyPolicyUrl: string;
  termsAndConditionsUrl: string;
};
export type InventoryAccount = {
  accountSid: string;
  /** The ISV's own account: never one customer's, whatever it holds. */
  isIsv: boolean;
  friendlyName: string;
  customerProfiles: InventoryBundle[];
  trustProducts: InventoryBundle[];
  endUsers: { sid: string; type: string; attributes: Record<string, unknown> }[];
  supportingDocuments: { sid: string; type: string; addressSids: string[] }[];
  addresses: InventoryAddress[];
  brands: {
    sid: string;
    status: string;
    identityStatus: string | null;
    brandType: string | null;
    skipAutomaticSecVet: boolean;
    customerProfileBundleSid: string | null;
    a2pProfileBundleSid: string | null;
    /** Score, TCR id, failure and errors as Twilio gave them (read by lib/brand/details.ts). */
    details: Record<string, unknown>;
  }[];
  services: {
    sid: string;
    friendlyName: string;
    campaigns: {
      sid: string;
      status: string;
      brandRegistrationSid: string;
      usecase: string | null;
      campaignId: string | null;
      fields: InventoryCampaignFields;
    }[];
    phoneNumbers: { sid: string; phoneNumber: string }[];
  }[];
};

/** An item a bundle holds (or the address its document names), under the ledger step the portal gives it. */
export type AdoptedItem = {
  step: AdoptedItemStep;
  sid: string;
  /** The bundle it is assigned to and that assignment's SID (none for the address itself). */
  assignment: { bundle: "customer-profile" | "trust-product"; sid: string } | null;
};

export type ProposedCustomer = {
  accountSid: string;
  /** True when the customer has its subaccount to itself (the portal then records it as the customer's). */
  ownsAccount: boolean;
  name: string;
  registrationNumber: string | null;
  /** A Starter profile is a Sole Proprietor's; a Secondary Customer Profile a Standard brand's. */
  kind: "standard" | "sole-proprietor";
  customerProfile: { sid: string; status: string };
  trustProduct: { sid: string; status: string } | null;
  /** The SHAKEN/STIR trust product for the customer's calls (seed 002), if it has one. */
  shakenStir: { sid: string; status: string } | null;
  items: AdoptedItem[];
  brand: {
    sid: string;
    status: string;
    identityStatus: string | null;
    brandType: string | null;
    skipAutomaticSecVet: boolean;
    details: Record<string, unknown>;
  } | null;
  services: { sid: string; friendlyName: string }[];
  campaign: {
    sid: string;
    status: string;
    serviceSid: string;
    usecase: string | null;
    campaignId: string | null;
    fields: InventoryCampaignFields;
  } | null;
  phoneNumbers: { sid: string; phoneNumber: string }[];
  /** Business information, representatives and address as Twilio holds them: the draft is filled from them. */
  personal: {
    endUsers: { type: string; attributes: Record<string, unknown> }[];
    address: Omit<InventoryAddress, "sid"> | null;
  };
};

export function proposeCustomers(accounts: InventoryAccount[]): ProposedCustomer[] {
  const proposals: ProposedCustomer[] = [];
  for (const account of accounts) {
    const nested = new Set(account.customerProfiles.flatMap((profile) => profile.assignments.map((a) => a.objectSid)));
    const profiles = account.customerProfiles.filter((profile) => !nested.has(profile.sid));
    const endUsers = new Map(account.endUsers.map((user) => [user.sid, user]));
    const documents = new Map(account.supportingDocuments.map((document) => [document.sid, document]));
    const addresses = new Map(account.addresses.map((address) => [address.sid, address]));
    const profileSids = new Set(account.customerProfiles.map((profile) => profile.sid));
    for (const profile of profiles) {
      // Both an A2P trust product and a SHAKEN/STIR one (seed 002) hold the profile: told apart by policy.
      const holding = account.trustProducts.filter((product) =>
        product.assignments.some((a) => a.objectSid === profile.sid),
      );
      const trustProduct = holding.find((product) => product.policySid !== POLICY.shakenStir) ?? null;
      const shakenStir = holding.find((product) => product.policySid === POLICY.shakenStir) ?? null;
      const brand = account.brands.find((candidate) => candidate.customerProfileBundleSid === profile.sid) ?? null;
      const campaignService = brand
        ? account.services.find((service) => service.campaigns.some((c) => c.brandRegistrationSid === brand.sid))
        : undefined;
      const campaign = campaignService?.campaigns.find((c) => c.brandRegistrationSid === brand!.sid);
      const items: AdoptedItem[] = [];
      const profileUsers: { type: string; attributes: Record<string, unknown> }[] = [];
      let address: InventoryAddress | null = null;
      const collect = (bundle: InventoryBundle, kind: "customer-profile" | "trust-product") => {
        for (const assignment of bundle.assignments) {
          const user = endUsers.get(assignment.objectSid);
          const document = documents.get(assignment.objectSid);
          const step = user
            ? ITEM_STEP_BY_END_USER_TYPE[user.type]
            : document?.type === "customer_profile_address"
              ? "address-document"
              : profileSids.has(assignment.objectSid) || /^BU/.test(assignment.objectSid)
                ? kind === "customer-profile"
                  ? "primary-customer-profile"
                  : "customer-profile"
                : undefined;
          // An item the portal has no step for stays at Twilio, untouched and unrecorded.
          if (!step) continue;
          items.push({ step, sid: assignment.objectSid, assignment: { bundle: kind, sid: assignment.sid } });
          if (user) profileUsers.push({ type: user.type, attributes: user.attributes });
          const addressSid = document?.addressSids[0];
          if (document && addressSid && !address) {
            address = addresses.get(addressSid) ?? null;
            if (address) items.push({ step: "address", sid: address.sid, assignment: null });
          }
        }
      };
      collect(profile, "customer-profile");
      if (trustProduct) collect(trustProduct, "trust-product");
      const business = profileUsers.find((user) => user.type === "customer_profile_business_information");
      const soleProprietor = profileUsers.find((user) => user.type === "sole_proprietor_information");
      const name =
        text(business?.attributes.business_name) ??
        text(soleProprietor?.attributes.brand_name) ??
        profile.friendlyName.replace(/\s*(Secondary|Starter) Customer Profile$/i, "").trim();
      proposals.push({
        accountSid: account.accountSid,
        ownsAccount: !account.isIsv && profiles.length === 1,
        name,
        registrationNumber: text(business?.attributes.business_registration_number),
        kind: profile.policySid === POLICY.starterCustomerProfile ? "sole-proprietor" : "standard",
        customerProfile: { sid: profile.sid, status: profile.status },
        trustProduct: trustProduct ? { sid: trustProduct.sid, status: trustProduct.status } : null,
        shakenStir: shakenStir ? { sid: shakenStir.sid, status: shakenStir.status } : null,
        items,
        brand: brand
          ? {
              sid: brand.sid,
              status: brand.status,
              identityStatus: brand.identityStatus,
              brandType: brand.brandType,
              skipAutomaticSecVet: brand.skipAutomaticSecVet,
              details: brand.details,
            }
          : null,
        services: campaignService ? [{ sid: campaignService.sid, friendlyName: campaignService.friendlyName }] : [],
        campaign: campaign
          ? {
              sid: campaign.sid,
              status: campaign.status,
              serviceSid: campaignService!.sid,
              usecase: campaign.usecase,
              campaignId: campaign.campaignId,
              fields: campaign.fields,
            }
          : null,
        phoneNumbers: campaignService?.phoneNumbers ?? [],
        personal: { endUsers: profileUsers, address: address ? withoutSid(address) : null },
      });
    }
    // A subaccount with one customer: its services without a campaign are that customer's too.
    const only = !account.isIsv && profiles.length === 1 ? proposals.at(-1) : undefined;
    if (only) {
      for (const service of account.services)
        if (!service.campaigns.length && !only.services.some((s) => s.sid === service.sid)) {
          only.services.push({ sid: service.sid, friendlyName: service.friendlyName });
          only.phoneNumbers.push(...service.phoneNumbers);
        }
    }
  }
  return proposals;
}

function withoutSid(address: InventoryAddress): Omit<InventoryAddress, "sid"> {
  const fields: Partial<InventoryAddress> = { ...address };
  delete fields.sid;
  return fields as Omit<InventoryAddress, "sid">;
}

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value.trim() : null);
