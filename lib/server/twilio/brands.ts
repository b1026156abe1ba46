import "server-only";

import type { BrandRegistrationInstance } from "twilio/lib/rest/messaging/v1/brandRegistration";

import { recordCharge } from "../billing/twilio-charges";
import { everyPage, type Billing, type TwilioAccount } from "./account";
import { paced } from "./rate-slot";

/**
 * Every BrandRegistration request the portal makes (Messaging v1, seed 000 step 3, seed 003).
 * Each one waits for the account's one-per-second slot, shared with campaigns (rate-slot.ts); the
 * create is fenced and its fees recorded here, so no caller can send one unpaced or unbilled.
 */

export type BrandBundles = { customerProfileBundleSid: string; a2PProfileBundleSid: string };
export type BrandCreateOptions =
  { brandType: "STANDARD"; skipAutomaticSecVet: boolean } | { brandType: "SOLE_PROPRIETOR" };
export type Brand = BrandRegistrationInstance;

/**
 * The fees a brand incurred, once whatever the retries (keyed by its SID): registration, and for a
 * Standard brand the secondary vetting Twilio runs on its own (skipped for Low-Volume Standard).
 */
async function recordBrandFees(billing: Billing, brand: Brand): Promise<void> {
  // Mock brands cost nothing: no TCR fee, no billing event (../shared/twilio-docs/mock-brand-api.md).
  if (brand.mock) return;
  await recordCharge(billing.applicationId, "brand_registration", brand.sid, brand.sid);
  if (brand.brandType === "STANDARD" && !brand.skipAutomaticSecVet)
    await recordCharge(billing.applicationId, "secondary_vetting", brand.sid, brand.sid);
}

/** Registers a brand: a fee. Fenced inside the slot (the wait can outlast a lease), recorded in the fee ledger. */
export async function createBrand(
  account: TwilioAccount,
  bundles: BrandBundles,
  options: BrandCreateOptions & { mock?: boolean },
  billing: Billing,
): Promise<Brand> {
  const { mock, ...rest } = options;
  const brand = await paced(
    account,
    () => account.sdk.messaging.v1.brandRegistrations.create({ ...bundles, ...rest, ...(mock ? { mock: true } : {}) }),
    billing.fence,
  );
  await recordBrandFees(billing, brand);
  return brand;
}

/**
 * The brand registered with these two bundles, after a create whose answer was lost: read through
 * every page of the account's brands (Twilio has no filter on this list). A brand found for our
 * bundles is one our earlier send created, and Twilio billed it: its fees are recorded too.
 */
export async function findBrandForBundles(
  account: TwilioAccount,
  bundles: BrandBundles,
  billing: Billing,
): Promise<Brand | null> {
  const brands = await paced(account, () => account.sdk.messaging.v1.brandRegistrations.list(everyPage()));
  const brand = brands.find(
    (candidate) =>
      candidate.customerProfileBundleSid === bundles.customerProfileBundleSid &&
      candidate.a2pProfileBundleSid === bundles.a2PProfileBundleSid,
  );
  if (brand) await recordBrandFees(billing, brand);
  return brand ?? null;
}

/** Every brand of the account (the setup check's summary). */
export const listBrands = (account: TwilioAccount): Promise<Brand[]> =>
  paced(account, () => account.sdk.messaging.v1.brandRegistrations.list(everyPage()));

export const fetchBrand = (account: TwilioAccount, brandSid: string): Promise<Brand> =>
  paced(account, () => account.sdk.messaging.v1.brandRegistrations(brandSid).fetch());

/**
 * Resubmits a FAILED brand: Twilio's update of the same BrandRegistration (POST with an empty body,
 * 202, back to PENDING; Messaging v1 OpenAPI, live-twilio.md §5). Whether Twilio charges it is
 * unpublished: no fee is recorded. Fenced: only the job's holder sends it.
 */
export const resubmitBrand = (account: TwilioAccount, brandSid: string, fence?: () => Promise<void>): Promise<Brand> =>
  paced(account, () => account.sdk.messaging.v1.brandRegistrations(brandSid).update(), fence);

/** Texts a Sole Proprietor brand's one-time code again (BrandRegistrationOtp, Sole Proprietor walkthrough). */
export async function resendBrandOtp(account: TwilioAccount, brandSid: string): Promise<void> {
  await paced(account, () => account.sdk.messaging.v1.brandRegistrations(brandSid).brandRegistrationOtps.create());
}

/**
 * Re-triggers a public company's Authentication+ verification after a 2FA failure: the brand's 2fa
 * resource (POST …/BrandRegistrations/{BN}/2fa; the SDK has no method for it, hence a plain
 * request). Each new verification incurs a new Authentication+ fee (Twilio's troubleshooting page,
 * $12.50 at TCR): recorded here, once per attempt, unless the brand is a mock.
 */
export async function retriggerBrand2fa(
  account: TwilioAccount,
  brandSid: string,
  billing: { applicationId: string; attempt: number; free: boolean },
): Promise<void> {
  const response = await paced(account, () =>
    account.sdk.request({
      method: "post",
      uri: `https://messaging.twilio.com/v1/a2p/BrandRegistrations/${brandSid}/2fa`,
    }),
  );
  if (response.statusCode >= 400)
    throw Object.assign(new Error("2fa resend refused"), (response.body as object | undefined) ?? {});
  if (!billing.free)
    await recordCharge(
      billing.applicationId,
      "authentication_plus",
      `${brandSid}:retrigger:${billing.attempt}`,
      brandSid,
    );
}
