import type { Twilio } from "twilio";

import { PRIMARY_CUSTOMER_PROFILE_SID } from "@/sandbox/defaults";
import { A2P_MESSAGING_PROFILE_POLICY, SECONDARY_CUSTOMER_PROFILE_POLICY } from "@/sandbox/trusthub/policies";

export const BUSINESS = {
  business_name: "Acme, Inc.",
  business_identity: "direct_customer",
  business_type: "Corporation",
  business_industry: "TECHNOLOGY",
  business_registration_identifier: "EIN",
  business_registration_number: "123456789",
  business_regions_of_operation: "USA_AND_CANADA",
  website_url: "https://www.acme.example",
  social_media_profile_urls: "",
};

export const REPRESENTATIVE = {
  first_name: "Alex",
  last_name: "Owner",
  email: "alex@acme.example",
  phone_number: "+15017122661",
  business_title: "Founder",
  job_position: "CEO",
};

export type ProfileOptions = {
  business?: Partial<typeof BUSINESS>;
  representative?: Partial<typeof REPRESENTATIVE>;
  street?: string;
  skip?: ("business" | "representative" | "address" | "primary")[];
  statusCallback?: string;
};

/** Seed 001's walkthrough through the SDK: a secondary profile with everything assigned. */
export async function buildSecondaryProfile(client: Twilio, options: ProfileOptions = {}) {
  const skip = new Set(options.skip ?? []);
  const trusthub = client.trusthub.v1;
  const profile = await trusthub.customerProfiles.create({
    friendlyName: `${options.business?.business_name ?? BUSINESS.business_name} Secondary Customer Profile`,
    email: "compliance@isv.example",
    policySid: SECONDARY_CUSTOMER_PROFILE_POLICY,
    statusCallback: options.statusCallback,
  });
  const assign = (objectSid: string) =>
    trusthub.customerProfiles(profile.sid).customerProfilesEntityAssignments.create({ objectSid });
  if (!skip.has("business")) {
    const business = await trusthub.endUsers.create({
      friendlyName: "business",
      type: "customer_profile_business_information",
      attributes: { ...BUSINESS, ...options.business },
    });
    await assign(business.sid);
  }
  if (!skip.has("representative")) {
    const representative = await trusthub.endUsers.create({
      friendlyName: "rep 1",
      type: "authorized_representative_1",
      attributes: { ...REPRESENTATIVE, ...options.representative },
    });
    await assign(representative.sid);
  }
  if (!skip.has("address")) {
    const address = await client.addresses.create({
      customerName: "Acme, Inc.",
      street: options.street ?? "1 Main Street",
      city: "Springfield",
      region: "IL",
      postalCode: "62701",
      isoCountry: "US",
    });
    const document = await trusthub.supportingDocuments.create({
      friendlyName: "address",
      type: "customer_profile_address",
      attributes: { address_sids: address.sid },
    });
    await assign(document.sid);
  }
  if (!skip.has("primary")) await assign(PRIMARY_CUSTOMER_PROFILE_SID);
  return profile;
}

/** Seed 000 section 2: the A2P messaging-profile TrustProduct for a profile. */
export async function buildTrustProduct(
  client: Twilio,
  profileSid: string,
  attributes: Record<string, string> = { company_type: "private" },
  statusCallback?: string,
) {
  const trusthub = client.trusthub.v1;
  const product = await trusthub.trustProducts.create({
    friendlyName: "A2P profile",
    email: "compliance@isv.example",
    policySid: A2P_MESSAGING_PROFILE_POLICY,
    statusCallback,
  });
  const endUser = await trusthub.endUsers.create({
    friendlyName: "messaging profile",
    type: "us_a2p_messaging_profile_information",
    attributes,
  });
  await trusthub.trustProducts(product.sid).trustProductsEntityAssignments.create({ objectSid: endUser.sid });
  await trusthub.trustProducts(product.sid).trustProductsEntityAssignments.create({ objectSid: profileSid });
  return product;
}

export async function evaluateProfile(client: Twilio, profileSid: string) {
  return client.trusthub.v1
    .customerProfiles(profileSid)
    .customerProfilesEvaluations.create({ policySid: SECONDARY_CUSTOMER_PROFILE_POLICY });
}

/** Seed 000 sections 1–3 in one: both bundles built and submitted, then a brand on them. */
export async function submittedBrand(client: Twilio, options: ProfileOptions = {}) {
  const profile = await buildSecondaryProfile(client, options);
  const product = await buildTrustProduct(client, profile.sid);
  await client.trusthub.v1.customerProfiles(profile.sid).update({ status: "pending-review" });
  await client.trusthub.v1.trustProducts(product.sid).update({ status: "pending-review" });
  const brand = await client.messaging.v1.brandRegistrations.create({
    customerProfileBundleSid: profile.sid,
    a2PProfileBundleSid: product.sid,
  });
  return { profile, product, brand };
}
