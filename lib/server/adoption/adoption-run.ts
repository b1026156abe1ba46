import "server-only";

import type { Prisma } from "@prisma/client";

import type { ProposedCustomer } from "@/lib/adoption/group";
import { describeErrorForLog } from "@/lib/logging/redact";

import { audit } from "../audit/audit";
import { decryptField, encryptField, fieldContext } from "../crypto/field-cipher";
import { dataKeyring } from "../crypto/keyring";
import { db } from "../db";
import { enqueueAdoptionScan } from "../jobs/enqueue";
import type { TwilioAccount } from "../twilio/account";
import { fetchAccount } from "../twilio/accounts";
import { listAccounts } from "../twilio/inventory";
import { matchOrganizations, proposeAccountCustomers } from "./scan";

/** A worker's hold on an account while it reads it; a crashed worker's account is read again after it. */
const CLAIM_MS = 5 * 60_000;

export type AdoptionHandles = {
  /** The ISV's account on a read-only client. */
  isv: TwilioAccount;
  /** A subaccount on a read-only client. */
  accountFor: (credentials: { accountSid: string; authToken: string }) => TwilioAccount;
};

/**
 * Starts an adoption scan: the accounts to read are listed (read-only) and kept, then read one by
 * one in the background (`continueAdoptionScans`). While one scan runs (or brings customers in),
 * starting again answers it.
 */
export async function startAdoptionScan(handles: AdoptionHandles, startedById: string | null): Promise<string> {
  const running = await db.adoptionRun.findFirst({
    where: { state: { in: ["SCANNING", "ADOPTING"] } },
    select: { id: true },
  });
  if (running) return running.id;
  const accounts = (await listAccounts(handles.isv)).filter((account) => account.status !== "closed");
  const run = await db.adoptionRun.create({
    data: {
      startedById,
      accountsTotal: accounts.length,
      accounts: {
        create: accounts.map((account) => ({
          accountSid: account.sid,
          friendlyName: account.friendlyName,
          isIsv: account.isIsv,
        })),
      },
    },
  });
  await audit(db, {
    actorUserId: startedById,
    action: "adoption.scan_started",
    targetType: "AdoptionRun",
    targetId: run.id,
    metadata: { accounts: accounts.length },
  });
  await enqueueAdoptionScan();
  return run.id;
}

const personalPlace = (runId: string, profileSid: string) => fieldContext("AdoptionCandidate", runId, profileSid);

/**
 * Reads the waiting accounts of running scans, on any instance, each claimed first; its customers
 * are proposed and matched, then written once (a resumed account writes the same rows again). A
 * scan whose every account is read becomes PROPOSED. Returns how many accounts were read.
 */
export async function continueAdoptionScans(
  handles: AdoptionHandles,
  now: () => Date = () => new Date(),
): Promise<number> {
  let read = 0;
  for (;;) {
    const next = await db.adoptionAccount.findFirst({
      where: {
        state: "PENDING",
        run: { state: "SCANNING" },
        OR: [{ claimedUntil: null }, { claimedUntil: { lte: now() } }],
      },
      orderBy: [{ runId: "asc" }, { accountSid: "asc" }],
    });
    if (!next) break;
    const at = now();
    const claimed = await db.adoptionAccount.updateMany({
      where: { id: next.id, state: "PENDING", OR: [{ claimedUntil: null }, { claimedUntil: { lte: at } }] },
      data: { claimedUntil: new Date(at.getTime() + CLAIM_MS) },
    });
    if (claimed.count === 0) continue;
    try {
      await readOneAccount(next, handles);
      read++;
    } catch (error) {
      // Kept for the page; the claim runs out and the next sweep reads the account again.
      await db.adoptionAccount.update({ where: { id: next.id }, data: { error: describeErrorForLog(error) } });
      break;
    }
  }
  await finishScans();
  return read;
}

async function readOneAccount(
  account: { id: string; runId: string; accountSid: string; friendlyName: string; isIsv: boolean },
  handles: AdoptionHandles,
): Promise<void> {
  // The subaccount's token is fetched (GET) when its account is read, never stored.
  const proposals = await proposeAccountCustomers(
    handles,
    { sid: account.accountSid, friendlyName: account.friendlyName, isIsv: account.isIsv },
    async () => (await fetchAccount(handles.isv, account.accountSid)).authToken,
  );
  const customers = await matchOrganizations(proposals);
  const keyring = dataKeyring();
  await db.$transaction(async (tx) => {
    for (const { personal, match, ...customer } of customers) {
      const data = {
        accountSid: customer.accountSid,
        name: customer.name,
        ownsAccount: customer.ownsAccount,
        resources: customer as unknown as Prisma.InputJsonValue,
        personalEncrypted: encryptField(
          JSON.stringify(personal),
          keyring,
          personalPlace(account.runId, customer.customerProfile.sid),
        ),
        matchOrganizationId: match?.organizationId ?? null,
        matchBy: match?.by ?? null,
      };
      await tx.adoptionCandidate.upsert({
        where: { runId_customerProfileSid: { runId: account.runId, customerProfileSid: customer.customerProfile.sid } },
        create: { runId: account.runId, customerProfileSid: customer.customerProfile.sid, ...data },
        update: data,
      });
    }
    await tx.adoptionAccount.update({
      where: { id: account.id },
      data: { state: "DONE", claimedUntil: null, error: null },
    });
  });
}

async function finishScans(): Promise<void> {
  const scanning = await db.adoptionRun.findMany({ where: { state: "SCANNING" }, select: { id: true } });
  for (const { id } of scanning) {
    if (await db.adoptionAccount.count({ where: { runId: id, state: "PENDING" } })) continue;
    const done = await db.adoptionRun.updateMany({
      where: { id, state: "SCANNING" },
      data: { state: "PROPOSED", scannedAt: new Date() },
    });
    if (done.count)
      await audit(db, {
        action: "adoption.scan_finished",
        targetType: "AdoptionRun",
        targetId: id,
        metadata: { customers: await db.adoptionCandidate.count({ where: { runId: id } }) },
      });
  }
}

/** The personal data a candidate was found with (end users' attributes, address): for its draft. */
export function candidatePersonal(candidate: {
  runId: string;
  customerProfileSid: string;
  personalEncrypted: string;
}): ProposedCustomer["personal"] {
  return JSON.parse(
    decryptField(
      candidate.personalEncrypted,
      dataKeyring(),
      personalPlace(candidate.runId, candidate.customerProfileSid),
    ),
  ) as ProposedCustomer["personal"];
}
