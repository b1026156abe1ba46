import "server-only";

import type { Prisma } from "@prisma/client";

import { keyIdsIn, needsReencryption, reencryptStoredDraft } from "../applications/stored-draft";
import { encryptedWith } from "../crypto/field-cipher";
import { dataKeyring } from "../crypto/keyring";
import { refreshDashboardRows } from "../dashboard/refresh-dashboard-row";
import { db } from "../db";
import { openAuthToken, sealAuthToken } from "../twilio/account-credentials";

export type RotationReport = {
  applications: number;
  reencrypted: number;
  subaccountTokens: number;
  keyIdsInUse: string[];
  currentKeyId: string;
};

const BATCH = 200;

/**
 * `npm run data:rotate-key`: every application's personal fields re-encrypted with the current
 * (first) key of DATA_ENCRYPTION_KEYS, plaintext from before encryption included, and every
 * dashboard row's blind index recomputed with it. A draft a customer saves meanwhile is already
 * written with the current key, so a row whose version moved is simply left as it is. Afterwards
 * the report lists the key ids still in use: an older key no longer listed can be removed.
 */
export async function rotateDataKey(): Promise<RotationReport> {
  const currentKeyId = dataKeyring().current.id;
  let cursor: string | undefined;
  let applications = 0;
  let reencrypted = 0;
  const inUse = new Set<string>();
  for (;;) {
    const batch = await db.onboardingApplication.findMany({
      select: { id: true, draft: true, version: true },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (!batch.length) break;
    for (const application of batch) {
      applications++;
      let draft = application.draft as unknown;
      if (needsReencryption(draft, currentKeyId)) {
        const rewritten = reencryptStoredDraft(draft);
        const updated = await db.onboardingApplication.updateMany({
          where: { id: application.id, version: application.version },
          data: { draft: rewritten as Prisma.InputJsonValue },
        });
        if (updated.count === 1) {
          reencrypted++;
          draft = rewritten;
        } else {
          draft = (await db.onboardingApplication.findUniqueOrThrow({ where: { id: application.id } })).draft;
        }
      }
      for (const id of keyIdsIn(draft)) inUse.add(id);
    }
    await refreshDashboardRows(batch.map((application) => application.id));
    cursor = batch[batch.length - 1]!.id;
  }
  const subaccountTokens = await rotateSubaccountTokens(currentKeyId, inUse);
  return { applications, reencrypted, subaccountTokens, keyIdsInUse: [...inUse].sort(), currentKeyId };
}

/** Customer subaccounts' auth tokens (decision 0010) move to the current key too, legacy sealing included. */
async function rotateSubaccountTokens(currentKeyId: string, inUse: Set<string>): Promise<number> {
  const organizations = await db.organization.findMany({
    where: { twilioAuthTokenEncrypted: { not: null } },
    select: { id: true, twilioAuthTokenEncrypted: true },
  });
  let rewritten = 0;
  for (const organization of organizations) {
    const sealed = organization.twilioAuthTokenEncrypted!;
    if (encryptedWith(sealed) === currentKeyId) {
      inUse.add(currentKeyId);
      continue;
    }
    const token = openAuthToken(sealed);
    if (!token) continue;
    await db.organization.updateMany({
      where: { id: organization.id, twilioAuthTokenEncrypted: sealed },
      data: { twilioAuthTokenEncrypted: sealAuthToken(token) },
    });
    inUse.add(currentKeyId);
    rewritten++;
  }
  return rewritten;
}
