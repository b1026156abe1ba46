import "server-only";

import { proposeCustomers, type ProposedCustomer } from "@/lib/adoption/group";

import { registrationNumberIndexOf } from "../dashboard/refresh-dashboard-row";
import { db } from "../db";
import type { TwilioAccount } from "../twilio/account";
import { listAccounts, readAccountInventory } from "../twilio/inventory";

/** Which existing organization a proposed customer is, and how the portal knows. */
export type OrganizationMatch = {
  organizationId: string;
  name: string;
  /** "portal": the portal's ledger already records this customer profile (provisioned or adopted before). */
  by: "portal" | "subaccount" | "registration number" | "name";
};
export type ScannedCustomer = ProposedCustomer & { match: OrganizationMatch | null };
export type AdoptionScan = { accounts: number; customers: ScannedCustomer[] };

/**
 * The adoption scan (#28 line 1): the ISV's account and every subaccount read whole through
 * `accountFor` (a read-only client: the scan can make no writing or billable call), grouped into the
 * customers they are, each matched to the organization the portal already has for it, if any.
 * Changes nothing anywhere: run it twice and it answers the same.
 */
export async function scanTwilioAccounts(
  isv: TwilioAccount,
  accountFor: (credentials: { accountSid: string; authToken: string }) => TwilioAccount,
): Promise<AdoptionScan> {
  const accounts = (await listAccounts(isv)).filter((account) => account.status !== "closed");
  const proposals: ProposedCustomer[] = [];
  // One account at a time: thousands of subaccounts must not open thousands of connections at once.
  for (const account of accounts)
    proposals.push(...(await proposeAccountCustomers({ isv, accountFor }, account, async () => account.authToken)));
  return { accounts: accounts.length, customers: await matchOrganizations(proposals) };
}

/**
 * One account read whole and grouped into its customers (grouping never spans accounts): the ISV's
 * own on its handle, a subaccount on a handle with its own token (`authToken`, asked only for it).
 */
export async function proposeAccountCustomers(
  handles: {
    isv: TwilioAccount;
    accountFor: (credentials: { accountSid: string; authToken: string }) => TwilioAccount;
  },
  account: { sid: string; friendlyName: string; isIsv: boolean },
  authToken: () => Promise<string>,
): Promise<ProposedCustomer[]> {
  const handle = account.isIsv
    ? handles.isv
    : handles.accountFor({ accountSid: account.sid, authToken: await authToken() });
  const inventory = await readAccountInventory(handle, account.friendlyName);
  return proposeCustomers([{ ...inventory, isIsv: account.isIsv }]);
}

/**
 * By the ledger first (the portal already records the profile: it is in, and bringing it in again
 * changes nothing), then subaccount (a subaccount is one organization's), registration number, exact name.
 */
export async function matchOrganizations(proposals: ProposedCustomer[]): Promise<ScannedCustomer[]> {
  const known = await db.twilioResource.findMany({
    where: { step: "customer-profile", sid: { in: proposals.map((proposal) => proposal.customerProfile.sid) } },
    select: { sid: true, applicationId: true },
  });
  const knownApplications = new Map(
    (
      await db.onboardingApplication.findMany({
        where: { id: { in: known.map((row) => row.applicationId) } },
        select: { id: true, organization: { select: { id: true, name: true } } },
      })
    ).map((application) => [application.id, application.organization]),
  );
  const inPortal = new Map(
    known.flatMap((row) => {
      const organization = knownApplications.get(row.applicationId);
      return organization ? [[row.sid, organization] as const] : [];
    }),
  );
  const organizations = await db.organization.findMany({
    select: {
      id: true,
      name: true,
      twilioAccountSid: true,
      applications: { select: { registrationNumberIndex: true }, take: 1, orderBy: { createdAt: "asc" } },
    },
  });
  const bySubaccount = new Map(organizations.filter((o) => o.twilioAccountSid).map((o) => [o.twilioAccountSid!, o]));
  const byIndex = new Map(
    organizations.flatMap((o) => {
      const index = o.applications[0]?.registrationNumberIndex;
      return index ? [[index, o] as const] : [];
    }),
  );
  const byName = new Map(organizations.map((o) => [o.name.trim().toLowerCase(), o]));
  return proposals.map((proposal) => {
    const portal = inPortal.get(proposal.customerProfile.sid);
    if (portal) return { ...proposal, match: { organizationId: portal.id, name: portal.name, by: "portal" } };
    const subaccount = proposal.ownsAccount ? bySubaccount.get(proposal.accountSid) : undefined;
    if (subaccount)
      return { ...proposal, match: { organizationId: subaccount.id, name: subaccount.name, by: "subaccount" } };
    const number = proposal.registrationNumber;
    const indexes = number ? [number, number.replace(/^(\d{2})(\d{7})$/, "$1-$2")].map(registrationNumberIndexOf) : [];
    const byNumber = indexes.map((index) => (index ? byIndex.get(index) : undefined)).find(Boolean);
    if (byNumber)
      return { ...proposal, match: { organizationId: byNumber.id, name: byNumber.name, by: "registration number" } };
    const named = byName.get(proposal.name.trim().toLowerCase());
    return { ...proposal, match: named ? { organizationId: named.id, name: named.name, by: "name" } : null };
  });
}
