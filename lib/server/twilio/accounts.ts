import "server-only";

import type { TwilioAccount } from "./account";

/** Accounts (Api v2010): a customer's subaccount, and the account the portal runs in (setup check). */

export type AccountInfo = {
  sid: string;
  ownerAccountSid: string;
  friendlyName: string;
  status: string;
  type: string;
  authToken: string;
};

const info = (account: AccountInfo): AccountInfo => ({
  sid: account.sid,
  ownerAccountSid: account.ownerAccountSid,
  friendlyName: account.friendlyName,
  status: account.status,
  type: account.type,
  authToken: account.authToken,
});

/** A new subaccount of the ISV's account; its answer carries the subaccount's own auth token. */
export const createSubaccount = async (isv: TwilioAccount, friendlyName: string): Promise<AccountInfo> =>
  info(await isv.sdk.api.v2010.accounts.create({ friendlyName }));

/** An account as its parent (or itself) sees it: a subaccount's answer carries its auth token. */
export const fetchAccount = async (parent: TwilioAccount, accountSid: string): Promise<AccountInfo> =>
  info(await parent.sdk.api.v2010.accounts(accountSid).fetch());
