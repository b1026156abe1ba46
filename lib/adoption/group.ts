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
  entitySids: string[];
};
export type InventoryAccount = {
  accountSid: string;
  /** The ISV's own account: never one customer's, whatever it holds. */
  isIsv: boolean;
  friendlyName: string;
  customerProfiles: InventoryBundle[];
  trustProducts: InventoryBundle[];
  endUsers: { sid: string; type: string; attributes: Record<string, unknown> }[];
  brands: {
    sid: string;
    status: string;
    identityStatus: string | null;
    brandType: string | null;
    customerProfileBundleSid: string | null;
    a2pProfileBundleSid: string | null;
  }[];
  services: {
    sid: string;
    friendlyName: string;
    campaigns: { sid: string; status: string; brandRegistrationSid: string; usecase: string | null }[];
    phoneNumbers: { sid: string; phoneNumber: string }[];
  }[];
};

export type ProposedCustomer = {
  accountSid: string;
  /** True when the customer has its subaccount to itself (the portal then records it as the customer's). */
  ownsAccount: boolean;
  name: string;
  registrationNumber: string | null;
  customerProfile: { sid: string; status: string };
  trustProduct: { sid: string; status: string } | null;
  brand: { sid: string; status: string; identityStatus: string | null; brandType: string | null } | null;
  services: { sid: string; friendlyName: string }[];
  campaign: { sid: string; status: string; serviceSid: string; usecase: string | null } | null;
  phoneNumbers: string[];
  /** Business information and representatives as Twilio holds them: the draft is filled from them. */
  endUsers: { type: string; attributes: Record<string, unknown> }[];
};

export function proposeCustomers(accounts: InventoryAccount[]): ProposedCustomer[] {
  const proposals: ProposedCustomer[] = [];
  for (const account of accounts) {
    const nested = new Set(account.customerProfiles.flatMap((profile) => profile.entitySids));
    const profiles = account.customerProfiles.filter((profile) => !nested.has(profile.sid));
    const endUsers = new Map(account.endUsers.map((user) => [user.sid, user]));
    for (const profile of profiles) {
      const trustProduct = account.trustProducts.find((product) => product.entitySids.includes(profile.sid)) ?? null;
      const brand = account.brands.find((candidate) => candidate.customerProfileBundleSid === profile.sid) ?? null;
      const campaignService = brand
        ? account.services.find((service) => service.campaigns.some((c) => c.brandRegistrationSid === brand.sid))
        : undefined;
      const campaign = campaignService?.campaigns.find((c) => c.brandRegistrationSid === brand!.sid);
      const profileUsers = profile.entitySids
        .map((sid) => endUsers.get(sid))
        .filter((user): user is NonNullable<typeof user> => !!user);
      const business = profileUsers.find((user) => user.type === "customer_profile_business_information");
      const name =
        text(business?.attributes.business_name) ??
        profile.friendlyName.replace(/\s*(Secondary|Starter) Customer Profile$/i, "").trim();
      proposals.push({
        accountSid: account.accountSid,
        ownsAccount: !account.isIsv && profiles.length === 1,
        name,
        registrationNumber: text(business?.attributes.business_registration_number),
        customerProfile: { sid: profile.sid, status: profile.status },
        trustProduct: trustProduct ? { sid: trustProduct.sid, status: trustProduct.status } : null,
        brand: brand
          ? { sid: brand.sid, status: brand.status, identityStatus: brand.identityStatus, brandType: brand.brandType }
          : null,
        services: campaignService ? [{ sid: campaignService.sid, friendlyName: campaignService.friendlyName }] : [],
        campaign: campaign
          ? { sid: campaign.sid, status: campaign.status, serviceSid: campaignService!.sid, usecase: campaign.usecase }
          : null,
        phoneNumbers: campaignService?.phoneNumbers.map((number) => number.phoneNumber) ?? [],
        endUsers: profileUsers.map(({ type, attributes }) => ({ type, attributes })),
      });
    }
    // A subaccount with one customer: its services without a campaign are that customer's too.
    const only = !account.isIsv && profiles.length === 1 ? proposals.at(-1) : undefined;
    if (only) {
      for (const service of account.services)
        if (!service.campaigns.length && !only.services.some((s) => s.sid === service.sid)) {
          only.services.push({ sid: service.sid, friendlyName: service.friendlyName });
          only.phoneNumbers.push(...service.phoneNumbers.map((number) => number.phoneNumber));
        }
    }
  }
  return proposals;
}

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value.trim() : null);
