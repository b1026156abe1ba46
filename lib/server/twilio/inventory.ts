import "server-only";

import type { InventoryAccount, InventoryBundle } from "@/lib/adoption/group";

import type { TwilioAccount } from "./account";

/**
 * What one Twilio account holds of A2P registration, read whole (#28 line 1, the adoption scan):
 * Trust Hub bundles with their assignments and end users, brands, Messaging Services with their
 * campaigns and numbers. Reads only: the scan runs on a read-only client besides (read-only-client.ts).
 * The SDK's list() pages through every page, so thousands of resources are read. The shape is the
 * one the grouping reads (lib/adoption/group.ts).
 */
export type AccountInventory = Omit<InventoryAccount, "isIsv">;

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
  const withEntities = (
    bundles: { sid: string; friendlyName: string; status: string; policySid: string }[],
    assignments: (sid: string) => Promise<{ objectSid: string }[]>,
  ): Promise<InventoryBundle[]> =>
    Promise.all(
      bundles.map(async ({ sid, friendlyName, status, policySid }) => ({
        sid,
        friendlyName,
        status,
        policySid,
        entitySids: (await assignments(sid)).map((assignment) => assignment.objectSid),
      })),
    );
  const customerProfiles = await withEntities(profiles, (sid) =>
    trusthub.customerProfiles(sid).customerProfilesEntityAssignments.list({ pageSize: 100 }),
  );
  const trustProducts = await withEntities(products, (sid) =>
    trusthub.trustProducts(sid).trustProductsEntityAssignments.list({ pageSize: 100 }),
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
