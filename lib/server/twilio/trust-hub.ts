import "server-only";

import { everyPage, type TwilioAccount } from "./account";

/**
 * Every Trust Hub v1 request the portal makes (seeds 000–002): Secondary Customer Profiles and
 * TrustProducts (the two kinds of bundle, which differ only in names: one shape for both), their
 * items (EndUsers, SupportingDocuments), assignments, evaluations and the policy list.
 */

export type BundleKind = "customer-profile" | "trust-product";
export type Bundle = { sid: string; status: string; errors?: unknown[] | null };
export type Evaluation = { sid: string; status: string; results: unknown[] };
export type BundleCreateParams = { friendlyName: string; email: string; policySid: string; statusCallback?: string };

const profiles = (account: TwilioAccount) => account.sdk.trusthub.v1.customerProfiles;
const products = (account: TwilioAccount) => account.sdk.trusthub.v1.trustProducts;

/** Bundles with this friendly name (Twilio filters bundles by it: only the matches are read). */
export const listBundlesNamed = (account: TwilioAccount, kind: BundleKind, friendlyName: string): Promise<Bundle[]> =>
  kind === "customer-profile"
    ? profiles(account).list({ friendlyName, pageSize: 50 })
    : products(account).list({ friendlyName, pageSize: 50 });

export const createBundle = (account: TwilioAccount, kind: BundleKind, params: BundleCreateParams): Promise<Bundle> =>
  kind === "customer-profile" ? profiles(account).create(params) : products(account).create(params);

export const fetchBundle = (account: TwilioAccount, kind: BundleKind, sid: string): Promise<Bundle> =>
  kind === "customer-profile" ? profiles(account)(sid).fetch() : products(account)(sid).fetch();

/** Submits a bundle for Twilio's review (status pending-review). */
export const submitBundle = (account: TwilioAccount, kind: BundleKind, sid: string): Promise<Bundle> =>
  kind === "customer-profile"
    ? profiles(account)(sid).update({ status: "pending-review" })
    : products(account)(sid).update({ status: "pending-review" });

export const listBundleAssignments = (
  account: TwilioAccount,
  kind: BundleKind,
  sid: string,
): Promise<{ sid: string; objectSid: string }[]> =>
  kind === "customer-profile"
    ? profiles(account)(sid).customerProfilesEntityAssignments.list(everyPage())
    : products(account)(sid).trustProductsEntityAssignments.list(everyPage());

export const assignToBundle = (
  account: TwilioAccount,
  kind: BundleKind,
  sid: string,
  objectSid: string,
): Promise<{ sid: string }> =>
  kind === "customer-profile"
    ? profiles(account)(sid).customerProfilesEntityAssignments.create({ objectSid })
    : products(account)(sid).trustProductsEntityAssignments.create({ objectSid });

export const evaluateBundle = async (
  account: TwilioAccount,
  kind: BundleKind,
  sid: string,
  policySid: string,
): Promise<Evaluation> =>
  (kind === "customer-profile"
    ? await profiles(account)(sid).customerProfilesEvaluations.create({ policySid })
    : await products(account)(sid).trustProductsEvaluations.create({ policySid })) as unknown as Evaluation;

/** A phone number assigned to a bundle as a channel endpoint (SHAKEN/STIR, seed 002 steps 3 and 9). */
export async function numberAssignedToBundle(
  account: TwilioAccount,
  kind: BundleKind,
  sid: string,
  phoneNumberSid: string,
): Promise<boolean> {
  const found =
    kind === "customer-profile"
      ? await profiles(account)(sid).customerProfilesChannelEndpointAssignment.list({
          channelEndpointSid: phoneNumberSid,
        })
      : await products(account)(sid).trustProductsChannelEndpointAssignment.list({
          channelEndpointSid: phoneNumberSid,
        });
  return found.length > 0;
}

export async function assignNumberToBundle(
  account: TwilioAccount,
  kind: BundleKind,
  sid: string,
  phoneNumberSid: string,
): Promise<void> {
  const params = { channelEndpointType: "phone-number", channelEndpointSid: phoneNumberSid };
  if (kind === "customer-profile")
    await profiles(account)(sid).customerProfilesChannelEndpointAssignment.create(params);
  else await products(account)(sid).trustProductsChannelEndpointAssignment.create(params);
}

/** EndUsers: Twilio has no friendly-name filter on them, so a look-up reads every page. */
export async function findEndUserNamed(account: TwilioAccount, friendlyName: string): Promise<string | null> {
  const users = await account.sdk.trusthub.v1.endUsers.list(everyPage());
  return users.find((user) => user.friendlyName === friendlyName)?.sid ?? null;
}

export const createEndUser = async (
  account: TwilioAccount,
  params: { friendlyName: string; type: string; attributes: object },
): Promise<string> => (await account.sdk.trusthub.v1.endUsers.create(params)).sid;

export const updateEndUser = (account: TwilioAccount, sid: string, attributes: object): Promise<unknown> =>
  account.sdk.trusthub.v1.endUsers(sid).update({ attributes });

/** SupportingDocuments: no friendly-name filter either. */
export async function findSupportingDocumentNamed(
  account: TwilioAccount,
  friendlyName: string,
): Promise<string | null> {
  const documents = await account.sdk.trusthub.v1.supportingDocuments.list(everyPage());
  return documents.find((document) => document.friendlyName === friendlyName)?.sid ?? null;
}

export const createSupportingDocument = async (
  account: TwilioAccount,
  params: { friendlyName: string; type: string; attributes: object },
): Promise<string> => (await account.sdk.trusthub.v1.supportingDocuments.create(params)).sid;

export const updateSupportingDocument = (account: TwilioAccount, sid: string, attributes: object): Promise<unknown> =>
  account.sdk.trusthub.v1.supportingDocuments(sid).update({ attributes });

/** The Trust Hub policies this account is offered (the setup check). */
export const listPolicySids = async (account: TwilioAccount): Promise<string[]> =>
  (await account.sdk.trusthub.v1.policies.list({ pageSize: 100 })).map((policy) => policy.sid);
