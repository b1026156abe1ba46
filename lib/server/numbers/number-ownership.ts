import "server-only";

import { db } from "../db";
import { env } from "../env";

/**
 * Which organization a phone number belongs to (#26 line 1). A subaccount is one organization's
 * (Organization.twilioAccountSid is unique), so every number in it is that organization's. In the
 * ISV's own account, shared by every customer without a subaccount, a number is a customer's only
 * when a PhoneNumber row gives it to them: staff assigned it, or it was bought for them. Everything
 * else there is the ISV's unassigned stock. Decided from the database alone, so every action can
 * check it before any Twilio call.
 */
export type NumberHome = { accountSid: string; subaccount: boolean };

/** The account that holds an organization's numbers: its subaccount, or the ISV's account. */
export async function numberHomeOf(organizationId: string): Promise<NumberHome | null> {
  const organization = await db.organization.findUnique({
    where: { id: organizationId },
    select: { twilioAccountSid: true },
  });
  if (!organization) return null;
  if (organization.twilioAccountSid) return { accountSid: organization.twilioAccountSid, subaccount: true };
  const isv = env().TWILIO_ACCOUNT_SID;
  return isv ? { accountSid: isv, subaccount: false } : null;
}

/**
 * The SIDs among `phoneNumberSids` that are the organization's to use, in its own account (or in
 * `accountSid`, when given: the account a registration lives in, which must be that one).
 */
export async function ownedAmong(
  organizationId: string,
  accountSid: string | null,
  phoneNumberSids: string[],
): Promise<Set<string>> {
  const home = await numberHomeOf(organizationId);
  if (!home || (accountSid !== null && home.accountSid !== accountSid)) return new Set();
  const rows = await db.phoneNumber.findMany({
    where: { phoneNumberSid: { in: phoneNumberSids } },
    select: { phoneNumberSid: true, organizationId: true, accountSid: true },
  });
  const recorded = new Map(rows.map((row) => [row.phoneNumberSid, row]));
  return new Set(
    phoneNumberSids.filter((sid) => {
      const row = recorded.get(sid);
      // In a subaccount every number is its organization's; a row can only say so too.
      if (home.subaccount) return !row || (row.organizationId === organizationId && row.accountSid === home.accountSid);
      return row?.organizationId === organizationId && row.accountSid === home.accountSid;
    }),
  );
}

export async function ownsNumber(organizationId: string, phoneNumberSid: string) {
  return (await ownedAmong(organizationId, null, [phoneNumberSid])).has(phoneNumberSid);
}

export const NOT_YOUR_NUMBER = "This number is not one of this customer's numbers.";
