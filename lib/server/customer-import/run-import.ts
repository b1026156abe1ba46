import "server-only";

import { describeErrorForLog } from "@/lib/logging/redact";

import { audit } from "../audit/audit";
import { refreshOrganizationRows } from "../dashboard/refresh-dashboard-row";
import { db } from "../db";
import { createInvitation, emailInvitation, EmailTakenError } from "../invitations/create-invitation";
import { enqueueCustomerImport } from "../jobs/enqueue";
import { createCustomerRecords, type CustomerCreator } from "../organizations/create-customer-organization";
import { readImportRow } from "./import-rows";

/** A worker's hold on a row while it works it; a crashed worker's row is picked up again after it. */
const CLAIM_MS = 60_000;
const BATCH = 25;

/** Starts a checked import: once (a second start, or a double click, finds it running). */
export async function startCustomerImport(importId: string, by: CustomerCreator): Promise<boolean> {
  const started = await db.customerImport.updateMany({
    where: { id: importId, state: "CHECKED" },
    data: { state: "RUNNING", startedAt: new Date() },
  });
  if (started.count === 0) return false;
  await audit(db, {
    actorUserId: "staffUserId" in by ? by.staffUserId : null,
    action: "customer_import.started",
    targetType: "CustomerImport",
    targetId: importId,
    ...("apiKeyPrefix" in by ? { metadata: { apiKey: by.apiKeyPrefix } } : {}),
  });
  await enqueueCustomerImport();
  return true;
}

export type ImportOptions = { now?: () => Date; maxRows?: number };

/**
 * Works the rows of running imports, on any instance, each row claimed with compare-and-set first.
 * A row goes PENDING → CREATED (its organization and application, made in one transaction with the
 * row's new state) → INVITED (its invitation made and emailed), or SKIPPED when its external id is
 * already a customer, or FAILED with the reason. A worker that dies mid-row leaves it claimed for a
 * minute; the next worker carries on from the row's state, so no customer is made twice (the
 * external id is unique) and a lost invitation is made again (the newer link replaces the older).
 * Returns how many rows moved.
 */
export async function runCustomerImports(options: ImportOptions = {}): Promise<number> {
  const now = options.now ?? (() => new Date());
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  let moved = 0;
  while (moved < maxRows) {
    const due = await db.customerImportRow.findMany({
      where: {
        state: { in: ["PENDING", "CREATED"] },
        customerImport: { state: "RUNNING" },
        OR: [{ claimedUntil: null }, { claimedUntil: { lte: now() } }],
      },
      orderBy: [{ importId: "asc" }, { line: "asc" }],
      select: { id: true },
      take: Math.min(BATCH, maxRows - moved),
    });
    if (!due.length) break;
    for (const { id } of due) if (await workRow(id, now)) moved++;
  }
  await finishImports();
  return moved;
}

async function workRow(id: string, now: () => Date): Promise<boolean> {
  const at = now();
  const claimed = await db.customerImportRow.updateMany({
    where: { id, state: { in: ["PENDING", "CREATED"] }, OR: [{ claimedUntil: null }, { claimedUntil: { lte: at } }] },
    data: { claimedUntil: new Date(at.getTime() + CLAIM_MS) },
  });
  if (claimed.count === 0) return false;
  const row = await db.customerImportRow.findUniqueOrThrow({
    where: { id },
    include: { customerImport: { select: { createdById: true, apiKeyPrefix: true } } },
  });
  try {
    const { createdById, apiKeyPrefix } = row.customerImport;
    const by: CustomerCreator = createdById
      ? { staffUserId: createdById }
      : apiKeyPrefix
        ? { apiKeyPrefix }
        : { importId: row.importId };
    const payload = readImportRow({ ...row, payloadEncrypted: row.payloadEncrypted ?? "" });
    let organizationId = row.organizationId;
    if (row.state === "PENDING") {
      const existing = await db.organization.findUnique({
        where: { externalId: row.externalId },
        select: { id: true },
      });
      if (existing) return await settle(id, { state: "SKIPPED", organizationId: existing.id });
      try {
        organizationId = await db.$transaction(async (tx) => {
          const organization = await createCustomerRecords(
            tx,
            { organizationName: payload.organizationName, externalId: row.externalId, draft: payload.draft },
            by,
          );
          await tx.customerImportRow.update({
            where: { id },
            data: { state: "CREATED", organizationId: organization.id },
          });
          return organization.id;
        });
      } catch (error) {
        // The API (or another import) made this external id's customer a moment ago.
        if ((error as { code?: string }).code === "P2002") {
          const winner = await db.organization.findUnique({
            where: { externalId: row.externalId },
            select: { id: true },
          });
          return await settle(id, { state: "SKIPPED", organizationId: winner?.id ?? null });
        }
        throw error;
      }
      await refreshOrganizationRows(organizationId);
    }
    const organization = await db.organization.findUniqueOrThrow({ where: { id: organizationId! } });
    const { invitation, link } = await createInvitation(
      { email: payload.email, name: payload.userName, role: "CUSTOMER", organizationId: organization.id },
      createdById,
    );
    await refreshOrganizationRows(organization.id);
    const delivery = await emailInvitation(invitation, link, organization.name);
    return await settle(id, {
      state: "INVITED",
      organizationId: organization.id,
      message:
        delivery === "not-sent" ? "The invitation could not be emailed: send it again from the customer's page." : null,
    });
  } catch (error) {
    if (error instanceof EmailTakenError) return await settle(id, { state: "FAILED", message: error.message });
    console.error(`[import] row ${row.line} of ${row.importId} failed:`, describeErrorForLog(error));
    // Let the claim run out: the row is tried again by the next sweep.
    return false;
  }
}

/** A row's end: its personal data is dropped, since nothing needs it any more. */
async function settle(
  id: string,
  end: { state: "INVITED" | "SKIPPED" | "FAILED"; organizationId?: string | null; message?: string | null },
): Promise<true> {
  await db.customerImportRow.update({
    where: { id },
    data: { ...end, payloadEncrypted: null, claimedUntil: null },
  });
  return true;
}

/** A running import none of whose rows waits any more is done. */
async function finishImports(): Promise<void> {
  const running = await db.customerImport.findMany({ where: { state: "RUNNING" }, select: { id: true } });
  for (const { id } of running) {
    const waiting = await db.customerImportRow.count({
      where: { importId: id, state: { in: ["PENDING", "CREATED"] } },
    });
    if (waiting) continue;
    const finished = await db.customerImport.updateMany({
      where: { id, state: "RUNNING" },
      data: { state: "DONE", finishedAt: new Date() },
    });
    if (finished.count)
      await audit(db, { action: "customer_import.finished", targetType: "CustomerImport", targetId: id });
  }
}
