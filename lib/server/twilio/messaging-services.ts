import "server-only";

import { everyPage, type TwilioAccount } from "./account";

/** Messaging Services (Messaging v1): the customer's service and its sender pool (seed 000 section 4). */

/** Twilio has no friendly-name filter on services: a look-up reads every page. */
export async function findServiceNamed(account: TwilioAccount, friendlyName: string): Promise<string | null> {
  const services = await account.sdk.messaging.v1.services.list(everyPage());
  return services.find((service) => service.friendlyName === friendlyName)?.sid ?? null;
}

export const createService = async (account: TwilioAccount, friendlyName: string): Promise<string> =>
  (await account.sdk.messaging.v1.services.create({ friendlyName })).sid;

/** The SIDs of the numbers in the service's sender pool. */
export const listSenderPool = async (account: TwilioAccount, serviceSid: string): Promise<string[]> =>
  (await account.sdk.messaging.v1.services(serviceSid).phoneNumbers.list({ pageSize: 1000 })).map(
    (number) => number.sid,
  );

export async function addToSenderPool(account: TwilioAccount, serviceSid: string, phoneNumberSid: string) {
  await account.sdk.messaging.v1.services(serviceSid).phoneNumbers.create({ phoneNumberSid });
}

export async function removeFromSenderPool(account: TwilioAccount, serviceSid: string, phoneNumberSid: string) {
  await account.sdk.messaging.v1.services(serviceSid).phoneNumbers(phoneNumberSid).remove();
}
