import "server-only";

import type { ProposedCustomer } from "@/lib/adoption/group";
import type { AdoptionCustomerView } from "@/lib/adoption/views";

import { db } from "../db";

export type { AdoptionCustomerView };

export type AdoptionRunStatus = {
  id: string;
  state: "SCANNING" | "PROPOSED" | "ADOPTING" | "ADOPTED";
  accountsTotal: number;
  accountsRead: number;
  /** Accounts whose last read failed (the scan tries them again), with Twilio's words. */
  accountErrors: { accountSid: string; error: string }[];
  customersFound: number;
  /** Customers brought into the portal by this scan (organizations made or filled). */
  customersAdopted: number;
  createdAt: string;
  scannedAt: string | null;
};

export async function adoptionRunStatus(id: string): Promise<AdoptionRunStatus | null> {
  const run = await db.adoptionRun.findUnique({ where: { id } });
  if (!run) return null;
  const [accountsRead, failing, customersFound, customersAdopted] = await Promise.all([
    db.adoptionAccount.count({ where: { runId: id, state: "DONE" } }),
    db.adoptionAccount.findMany({
      where: { runId: id, state: "PENDING", error: { not: null } },
      select: { accountSid: true, error: true },
      take: 20,
    }),
    db.adoptionCandidate.count({ where: { runId: id } }),
    db.adoptionCandidate.count({ where: { runId: id, state: "ADOPTED" } }),
  ]);
  return {
    id: run.id,
    state: run.state as AdoptionRunStatus["state"],
    accountsTotal: run.accountsTotal,
    accountsRead,
    accountErrors: failing.map((account) => ({ accountSid: account.accountSid, error: account.error ?? "" })),
    customersFound,
    customersAdopted,
    createdAt: run.createdAt.toISOString(),
    scannedAt: run.scannedAt?.toISOString() ?? null,
  };
}

export async function recentAdoptionRuns(take = 10): Promise<AdoptionRunStatus[]> {
  const runs = await db.adoptionRun.findMany({ orderBy: { createdAt: "desc" }, select: { id: true }, take });
  return (await Promise.all(runs.map(({ id }) => adoptionRunStatus(id)))).filter(
    (status): status is AdoptionRunStatus => status !== null,
  );
}

/** The customers a scan proposes, by name, with the organization each matches (no personal data). */
export async function adoptionCustomers(runId: string): Promise<AdoptionCustomerView[]> {
  const candidates = await db.adoptionCandidate.findMany({
    where: { runId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const organizations = new Map(
    (
      await db.organization.findMany({
        where: { id: { in: candidates.flatMap((c) => (c.matchOrganizationId ? [c.matchOrganizationId] : [])) } },
        select: { id: true, name: true },
      })
    ).map((organization) => [organization.id, organization.name]),
  );
  return candidates.map((candidate) => ({
    ...(candidate.resources as unknown as Omit<ProposedCustomer, "personal">),
    id: candidate.id,
    state: candidate.state,
    decision: candidate.decision,
    organizationId: candidate.organizationId,
    error: candidate.error,
    match:
      candidate.matchOrganizationId && organizations.has(candidate.matchOrganizationId)
        ? {
            organizationId: candidate.matchOrganizationId,
            name: organizations.get(candidate.matchOrganizationId)!,
            by: candidate.matchBy ?? "",
          }
        : null,
  }));
}
