import "server-only";

import type { AddressListInstanceCreateOptions } from "twilio/lib/rest/api/v2010/account/address";

import type { TwilioAccount } from "./account";

/** Addresses (Api v2010), the Secondary Customer Profile's address document points at one (seed 000). */

export type AddressParams = AddressListInstanceCreateOptions;

/** Twilio filters addresses by friendly name: only the matches are read. */
export const findAddressNamed = async (account: TwilioAccount, friendlyName: string): Promise<string | null> =>
  (await account.sdk.addresses.list({ friendlyName, pageSize: 50 }))[0]?.sid ?? null;

export const createAddress = async (account: TwilioAccount, params: AddressParams): Promise<string> =>
  (await account.sdk.addresses.create(params)).sid;

/** An address's country cannot change: the update sends everything else. */
export function updateAddress(account: TwilioAccount, sid: string, params: AddressParams): Promise<unknown> {
  const { isoCountry: _country, ...changes } = params;
  void _country;
  return account.sdk.addresses(sid).update(changes);
}
