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
