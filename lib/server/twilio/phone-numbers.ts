import "server-only";

import type { TwilioAccount } from "./account";

/** The account's own phone numbers (IncomingPhoneNumbers, Api v2010). */

export type PhoneNumber = { sid: string; phoneNumber: string };

export const listPhoneNumbers = async (account: TwilioAccount): Promise<PhoneNumber[]> =>
  (await account.sdk.incomingPhoneNumbers.list({ pageSize: 1000 })).map(({ sid, phoneNumber }) => ({
    sid,
    phoneNumber,
  }));

/** One number of the account; Twilio answers 404 for a number that is not the account's. */
export async function fetchPhoneNumber(account: TwilioAccount, sid: string): Promise<PhoneNumber> {
  const number = await account.sdk.incomingPhoneNumbers(sid).fetch();
  return { sid: number.sid, phoneNumber: number.phoneNumber };
}

/** A local number Twilio offers to buy now (AvailablePhoneNumbers/US/Local). */
export type AvailableNumber = {
  phoneNumber: string;
  friendlyName: string;
  locality: string | null;
  region: string | null;
};

/** Up to `limit` US local numbers on offer in one area code, able to send texts. */
export async function searchLocalNumbers(
  account: TwilioAccount,
  areaCode: number,
  limit = 20,
): Promise<AvailableNumber[]> {
  const offered = await account.sdk.availablePhoneNumbers("US").local.list({ areaCode, smsEnabled: true, limit });
  return offered.map((number) => ({
    phoneNumber: number.phoneNumber,
    friendlyName: number.friendlyName ?? number.phoneNumber,
    locality: number.locality ?? null,
    region: number.region ?? null,
  }));
}

/** Toll-free numbers Twilio offers now (AvailablePhoneNumbers/US/TollFree), under one prefix or any. */
export async function searchTollFreeNumbers(
  account: TwilioAccount,
  prefix: number | null,
  limit = 20,
): Promise<AvailableNumber[]> {
  const offered = await account.sdk
    .availablePhoneNumbers("US")
    .tollFree.list({ ...(prefix ? { areaCode: prefix } : {}), smsEnabled: true, limit });
  return offered.map((number) => ({
    phoneNumber: number.phoneNumber,
    friendlyName: number.friendlyName ?? number.phoneNumber,
    locality: null,
    region: null,
  }));
}

/** Buys `phoneNumber` into the account (IncomingPhoneNumbers create): Twilio bills it monthly from now. */
export async function buyPhoneNumber(
  account: TwilioAccount,
  phoneNumber: string,
  friendlyName: string,
): Promise<PhoneNumber> {
  const bought = await account.sdk.incomingPhoneNumbers.create({
    phoneNumber,
    friendlyName: friendlyName.slice(0, 64),
  });
  return { sid: bought.sid, phoneNumber: bought.phoneNumber };
}

/** A monthly price as Twilio's Pricing API states it: a decimal string and its currency. */
export type MonthlyPrice = { amount: string; currency: string };

/**
 * What a US local number costs a month (Pricing v1 PhoneNumbers/Countries/US): the current price,
 * else the base price, of the "local" type. The SDK passes the nested records through as Twilio
 * sends them, so both casings are read; null when Twilio lists no local price.
 */
export async function localNumberMonthlyPrice(account: TwilioAccount): Promise<MonthlyPrice | null> {
  return numberMonthlyPrice(account, "local");
}

/** The same for a number type Twilio's Pricing API lists ("local", "toll free"). */
export async function numberMonthlyPrice(
  account: TwilioAccount,
  numberType: "local" | "toll free",
): Promise<MonthlyPrice | null> {
  const country = await account.sdk.pricing.v1.phoneNumbers.countries("US").fetch();
  const prices = (country.phoneNumberPrices ?? []) as Record<string, unknown>[];
  const local = prices.find(
    (price) => String(price.number_type ?? price.numberType ?? "").toLowerCase() === numberType,
  );
  const amount = local?.current_price ?? local?.currentPrice ?? local?.base_price ?? local?.basePrice;
  if (typeof amount !== "string" && typeof amount !== "number") return null;
  return { amount: String(amount), currency: (country.priceUnit ?? "USD").toUpperCase() };
}
