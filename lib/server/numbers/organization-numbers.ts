import "server-only";

import { describeErrorForLog } from "@/lib/logging/redact";
import type { OwnedNumberView } from "@/lib/numbers/schema";

import { db } from "../db";
import { accountBySid } from "../twilio/client";
import { accountNumbers } from "./account-numbers";
import { numberHomeOf, ownedAmong } from "./number-ownership";

export type OrganizationNumbers = {
  /** The organization's own numbers (in its account, and its by ownership). */
  numbers: OwnedNumberView[];
  /** For staff, customers in the ISV's account: the numbers nobody has yet, to assign. */
  unassigned: OwnedNumberView[];
  subaccount: boolean;
  error: string | null;
};

const view = (number: { sid: string; phoneNumber: string }): OwnedNumberView => ({
  phoneNumberSid: number.sid,
  phoneNumber: number.phoneNumber,
});

/** An organization's numbers as Twilio lists them now (briefly cached), only those it owns. */
export async function organizationNumbers(
  organizationId: string,
  options: { withUnassigned?: boolean } = {},
): Promise<OrganizationNumbers> {
  const home = await numberHomeOf(organizationId);
  if (!home) return { numbers: [], unassigned: [], subaccount: false, error: null };
  try {
    const listed = await accountNumbers(await accountBySid(home.accountSid));
    const owned = await ownedAmong(
      organizationId,
      home.accountSid,
      listed.map((number) => number.sid),
    );
    const unassigned =
      options.withUnassigned && !home.subaccount
        ? await unassignedAmong(listed.map((number) => number.sid))
        : new Set();
    return {
      numbers: listed.filter((number) => owned.has(number.sid)).map(view),
      unassigned: listed.filter((number) => unassigned.has(number.sid)).map(view),
      subaccount: home.subaccount,
      error: null,
    };
  } catch (error) {
    console.error(`[numbers] numbers of ${home.accountSid} not read: ${describeErrorForLog(error)}`);
    const recorded = await db.phoneNumber.findMany({ where: { organizationId }, orderBy: { assignedAt: "asc" } });
    return {
      numbers: recorded.map((row) => ({ phoneNumberSid: row.phoneNumberSid, phoneNumber: row.phoneNumber })),
      unassigned: [],
      subaccount: home.subaccount,
      error: "Twilio's list of numbers could not be loaded just now. Try again in a moment.",
    };
  }
}

/** The ISV account's numbers among `sids` that no organization has. */
async function unassignedAmong(sids: string[]): Promise<Set<string>> {
  const taken = await db.phoneNumber.findMany({
    where: { phoneNumberSid: { in: sids }, organizationId: { not: null } },
    select: { phoneNumberSid: true },
  });
  const takenSids = new Set(taken.map((row) => row.phoneNumberSid));
  return new Set(sids.filter((sid) => !takenSids.has(sid)));
}
