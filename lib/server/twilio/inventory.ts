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
  const [profiles, products, endUsers, documents, addresses, brands, services] = await Promise.all([
    trusthub.customerProfiles.list({ pageSize: 100 }),
    trusthub.trustProducts.list({ pageSize: 100 }),
    trusthub.endUsers.list({ pageSize: 100 }),
    trusthub.supportingDocuments.list({ pageSize: 100 }),
    account.sdk.api.v2010.accounts(account.sid).addresses.list({ pageSize: 1000 }),
    messaging.brandRegistrations.list({ pageSize: 100 }),
    messaging.services.list({ pageSize: 100 }),
  ]);
  const withEntities = (
    bundles: { sid: string; friendlyName: string; status: string; policySid: string }[],
    assignments: (sid: string) => Promise<{ sid: string; objectSid: string }[]>,
  ): Promise<InventoryBundle[]> =>
    Promise.all(
      bundles.map(async ({ sid, friendlyName, status, policySid }) => ({
        sid,
        friendlyName,
        status,
        policySid,
        assignments: (await assignments(sid)).map((assignment) => ({
          sid: assignment.sid,
          objectSid: assignment.objectSid,
        })),
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
          campaignId: campaign.campaignId ?? null,
          // What the campaign was registered with: the adopted customer's campaign form starts from it.
          fields: {
            description: campaign.description ?? "",
            messageFlow: campaign.messageFlow ?? "",
            messageSamples: campaign.messageSamples ?? [],
            hasEmbeddedLinks: campaign.hasEmbeddedLinks ?? false,
            hasEmbeddedPhone: campaign.hasEmbeddedPhone ?? false,
            ageGated: campaign.ageGated ?? false,
            directLending: campaign.directLending ?? false,
            optInMessage: campaign.optInMessage ?? "",
            optOutMessage: campaign.optOutMessage ?? "",
            helpMessage: campaign.helpMessage ?? "",
            optInKeywords: campaign.optInKeywords ?? [],
            optOutKeywords: campaign.optOutKeywords ?? [],
            helpKeywords: campaign.helpKeywords ?? [],
            privacyPolicyUrl: campaign.privacyPolicyUrl ?? "",
            termsAndConditionsUrl: campaign.termsAndConditionsUrl ?? "",
          },
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
    supportingDocuments: documents.map((document) => {
      const sids = attributesOf(document.attributes).address_sids;
      return {
        sid: document.sid,
        type: document.type,
        // Twilio's examples send one SID as a string; a list is accepted as well.
        addressSids: (Array.isArray(sids) ? sids : [sids]).filter((sid): sid is string => typeof sid === "string"),
      };
    }),
    addresses: addresses.map((address) => ({
      sid: address.sid,
      customerName: address.customerName ?? "",
      street: address.street ?? "",
      streetSecondary: address.streetSecondary ?? "",
      city: address.city ?? "",
      region: address.region ?? "",
      postalCode: address.postalCode ?? "",
      isoCountry: address.isoCountry ?? "",
    })),
    brands: brands.map((brand) => ({
      sid: brand.sid,
      status: brand.status,
      identityStatus: brand.identityStatus ?? null,
      brandType: brand.brandType ?? null,
      skipAutomaticSecVet: brand.skipAutomaticSecVet ?? false,
      customerProfileBundleSid: brand.customerProfileBundleSid ?? null,
      a2pProfileBundleSid: brand.a2pProfileBundleSid ?? null,
      // Kept as the SDK gives them; the ledger reads them through normalizeBrandDetails.
      details: {
        identityStatus: brand.identityStatus ?? null,
        brandScore: brand.brandScore ?? null,
        tcrId: brand.tcrId ?? null,
        failureReason: brand.failureReason ?? null,
        errors: brand.errors ?? [],
        ...(brand.mock ? { mock: true } : {}),
      },
    })),
    services: serviceInventory,
  };
}
