import "server-only";

import type { TwilioAccount } from "./account";

/**
 * What one Twilio account holds of A2P registration, read whole (#28 line 1, the adoption scan):
 * Trust Hub bundles with their assignments and end users, brands, Messaging Services with their
 * campaigns and numbers. Reads only: the scan runs on a read-only client besides (read-only-client.ts).
 * The SDK's list() pages through every page, so thousands of resources are read.
 */
export type BundleInventory = {
  sid: string;
  friendlyName: string;
  status: string;
  policySid: string;
  entitySids: string[];
};
export type EndUserInventory = { sid: string; type: string; attributes: Record<string, unknown> };
export type BrandInventory = {
  sid: string;
  status: string;
  identityStatus: string | null;
  brandType: string | null;
  customerProfileBundleSid: string | null;
  a2pProfileBundleSid: string | null;
};
export type ServiceInventory = {
  sid: string;
  friendlyName: string;
  campaigns: { sid: string; status: string; brandRegistrationSid: string; usecase: string | null }[];
  phoneNumbers: { sid: string; phoneNumber: string }[];
};
export type AccountInventory = {
  accountSid: string;
  friendlyName: string;
  customerProfiles: BundleInventory[];
  trustProducts: BundleInventory[];
  endUsers: EndUserInventory[];
  brands: BrandInventory[];
  services: ServiceInventory[];
};

/** The ISV's account and every subaccount, each with the auth token its own reads need. */
export async function listAccounts(
  isv: TwilioAccount,
): Promise<{ sid: string; friendlyName: string; status: string; authToken: string; isIsv: boolean }[]> {
  const accounts = await isv.sdk.api.v2010.accounts.list({ pageSize: 1000 });
  return accounts.map((account) => ({
    sid: account.sid,
    friendlyName: account.friendlyName,
    status: account.status,
    authToken: account.authToken,
    isIsv: account.sid === isv.sid,
  }));
}

const attributesOf = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object"
    ? (value as Record<string, unknown>)
    : typeof value === "string"
      ? safeJson(value)
      : {};

function safeJson(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export async function readAccountInventory(account: TwilioAccount, friendlyName = ""): Promise<AccountInventory> {
  const trusthub = account.sdk.trusthub.v1;
  const messaging = account.sdk.messaging.v1;
  const [profiles, products, endUsers, brands, services] = await Promise.all([
    trusthub.customerProfiles.list({ pageSize: 100 }),
    trusthub.trustProducts.list({ pageSize: 100 }),
    trusthub.endUsers.list({ pageSize: 100 }),
    messaging.brandRegistrations.list({ pageSize: 100 }),
    messaging.services.list({ pageSize: 100 }),
  ]);
  const customerProfiles = await Promise.all(
    profiles.map(async (profile) => ({
      sid: profile.sid,
      friendlyName: profile.friendlyName,
      status: profile.status,
      policySid: profile.policySid,
      entitySids: (
        await trusthub.customerProfiles(profile.sid).customerProfilesEntityAssignments.list({ pageSize: 100 })
      ).map((assignment) => assignment.objectSid),
    })),
  );
  const trustProducts = await Promise.all(
    products.map(async (product) => ({
      sid: product.sid,
      friendlyName: product.friendlyName,
      status: product.status,
      policySid: product.policySid,
      entitySids: (
        await trusthub.trustProducts(product.sid).trustProductsEntityAssignments.list({ pageSize: 100 })
      ).map((assignment) => assignment.objectSid),
    })),
  );
  const serviceInventory = await Promise.all(
    services.map(async (service) => {
      const [campaigns, numbers] = await Promise.all([
        messaging.services(service.sid).usAppToPerson.list({ pageSize: 100 }),
        messaging.services(service.sid).phoneNumbers.list({ pageSize: 100 }),
      ]);
      return {
        sid: service.sid,
        friendlyName: service.friendlyName,
        campaigns: campaigns.map((campaign) => ({
          sid: campaign.sid,
          status: campaign.campaignStatus ?? "",
          brandRegistrationSid: campaign.brandRegistrationSid,
          usecase: campaign.usAppToPersonUsecase ?? null,
        })),
        phoneNumbers: numbers.map((number) => ({ sid: number.sid, phoneNumber: number.phoneNumber })),
      };
    }),
  );
  return {
    accountSid: account.sid,
    friendlyName,
    customerProfiles,
    trustProducts,
    endUsers: endUsers.map((user) => ({ sid: user.sid, type: user.type, attributes: attributesOf(user.attributes) })),
    brands: brands.map((brand) => ({
      sid: brand.sid,
      status: brand.status,
      identityStatus: brand.identityStatus ?? null,
      brandType: brand.brandType ?? null,
      customerProfileBundleSid: brand.customerProfileBundleSid ?? null,
      a2pProfileBundleSid: brand.a2pProfileBundleSid ?? null,
    })),
    services: serviceInventory,
  };
}
