import { randomBytes } from "node:crypto";

import { unauthorized } from "../core/errors";
import type { AccountRecord, Store } from "../core/store";
import { DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN, PRIMARY_CUSTOMER_PROFILE_SID } from "../defaults";
import { SECONDARY_CUSTOMER_PROFILE_POLICY } from "../trusthub/policies";

/** The accounts the sandbox knows: the ISV's, its subaccounts, and how a request proves which it is. */

/** The ISV's account with its approved primary profile and a few phone numbers. */
export function ensureDefaults(store: Store, now: number): void {
  const state = store.state;
  if (state.accounts[DEFAULT_ACCOUNT_SID]) return;
  state.accounts[DEFAULT_ACCOUNT_SID] = {
    sid: DEFAULT_ACCOUNT_SID,
    authToken: DEFAULT_AUTH_TOKEN,
    parentSid: null,
    friendlyName: "Sandbox ISV",
    status: "active",
    createdAt: now,
    updatedAt: now,
  };
  store.create(
    "CustomerProfile",
    DEFAULT_ACCOUNT_SID,
    {
      policy_sid: SECONDARY_CUSTOMER_PROFILE_POLICY,
      friendly_name: "Sandbox ISV Primary Customer Profile",
      status: "twilio-approved",
      email: "compliance@isv.example",
      status_callback: null,
      valid_until: null,
      errors: null,
    },
    now,
    null,
    PRIMARY_CUSTOMER_PROFILE_SID,
  );
  givePhoneNumbers(store, DEFAULT_ACCOUNT_SID, now);
}

export function createSubaccount(
  store: Store,
  parent: AccountRecord,
  friendlyName: string,
  now: number,
): AccountRecord {
  const account: AccountRecord = {
    sid: `AC${randomBytes(16).toString("hex")}`,
    authToken: randomBytes(16).toString("hex"),
    parentSid: parent.sid,
    friendlyName,
    status: "active",
    createdAt: now,
    updatedAt: now,
  };
  store.state.accounts[account.sid] = account;
  givePhoneNumbers(store, account.sid, now);
  store.changed();
  return account;
}

/** Every account starts with three US local numbers, as if bought earlier. */
function givePhoneNumbers(store: Store, accountSid: string, now: number): void {
  const index = Object.keys(store.state.accounts).length;
  for (let n = 1; n <= 3; n++) {
    const phoneNumber = `+1415555${String(index).padStart(2, "0").slice(-2)}${String(n).padStart(2, "0")}`;
    store.create(
      "IncomingPhoneNumber",
      accountSid,
      { phone_number: phoneNumber, friendly_name: phoneNumber.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, "($1) $2-$3") },
      now,
    );
  }
}

/**
 * HTTP Basic with an account SID and that account's own auth token. A subaccount's SID with its
 * parent's token is refused (401, 20003): Twilio documents the parent's credentials for a
 * subaccount only on the 2010 API, with the subaccount in the path (/Accounts/{Sub}/...), and on
 * Trust Hub and Messaging says to use the subaccount's own credentials (live-twilio.md §1, [SUB]).
 */
export function authenticate(store: Store, header: string | undefined): AccountRecord {
  if (!header?.startsWith("Basic ")) throw unauthorized();
  const [username, ...rest] = Buffer.from(header.slice(6), "base64").toString("utf8").split(":");
  const password = rest.join(":");
  const account = username ? store.state.accounts[username] : undefined;
  if (!account || account.status !== "active" || password !== account.authToken) throw unauthorized();
  return account;
}
