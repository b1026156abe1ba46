import "server-only";

import type { Prisma } from "@prisma/client";

import { keyIdsIn, needsReencryption, reencryptStoredDraft } from "../applications/stored-draft";
import { encryptedWith, isBound } from "../crypto/field-cipher";
import { dataKeyring } from "../crypto/keyring";
import { refreshDashboardRows } from "../dashboard/refresh-dashboard-row";
import { db } from "../db";
import { reencryptStoredTollfreeDraft } from "../tollfree/stored-tollfree-draft";
import { openAuthToken, sealAuthToken } from "../twilio/account-credentials";

export type RotationReport = {
  applications: number;
  reencrypted: number;
  subaccountTokens: number;
  keyIdsInUse: string[];
  currentKeyId: string;
  /**
   * Values it could not read (a key no longer listed, a value altered or copied from elsewhere),
   * kept as they were and named here (table, record, field): one bad value must not stop the
   * rotation of the whole deployment (#26 line 4).
   */
  unreadable: { table: string; id: string; field: string }[];
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
  const unreadable: RotationReport["unreadable"] = [];
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
        const { draft: rewritten, unreadable: fields } = reencryptStoredDraft(draft, application.id);
        for (const field of fields) unreadable.push({ table: "OnboardingApplication", id: application.id, field });
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
  reencrypted += await rotateTollfreeDrafts(inUse, unreadable);
  const subaccountTokens = await rotateSubaccountTokens(currentKeyId, inUse, unreadable);
  return { applications, reencrypted, subaccountTokens, keyIdsInUse: [...inUse].sort(), currentKeyId, unreadable };
}

/** Toll-free verifications' drafts hold personal data too (their own stored form): the same rotation. */
async function rotateTollfreeDrafts(inUse: Set<string>, unreadable: RotationReport["unreadable"]): Promise<number> {
  let rewritten = 0;
  let cursor: string | undefined;
  for (;;) {
    const batch = await db.tollfreeVerification.findMany({
      select: { id: true, draft: true, version: true },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (!batch.length) return rewritten;
    for (const verification of batch) {
      const {
        draft,
        unreadable: fields,
        needed,
        keyIds,
      } = reencryptStoredTollfreeDraft(verification.draft, verification.id);
      for (const field of fields) unreadable.push({ table: "TollfreeVerification", id: verification.id, field });
      for (const id of keyIds) inUse.add(id);
      if (!needed) continue;
      // A save meanwhile wrote the current key already: that row is left as it is.
      const updated = await db.tollfreeVerification.updateMany({
        where: { id: verification.id, version: verification.version },
        data: { draft: draft as Prisma.InputJsonValue },
      });
      rewritten += updated.count;
    }
    cursor = batch[batch.length - 1]!.id;
  }
}

/** Customer subaccounts' auth tokens (decision 0010) move to the current key too, legacy sealing included. */
async function rotateSubaccountTokens(
  currentKeyId: string,
  inUse: Set<string>,
  unreadable: RotationReport["unreadable"],
): Promise<number> {
  const organizations = await db.organization.findMany({
    where: { twilioAuthTokenEncrypted: { not: null } },
    select: { id: true, twilioAuthTokenEncrypted: true },
  });
  let rewritten = 0;
  for (const organization of organizations) {
    const sealed = organization.twilioAuthTokenEncrypted!;
    if (encryptedWith(sealed) === currentKeyId && isBound(sealed)) {
      inUse.add(currentKeyId);
      continue;
    }
    const token = openAuthToken(sealed, organization.id);
    if (!token) {
      unreadable.push({ table: "Organization", id: organization.id, field: "twilioAuthTokenEncrypted" });
      const keyId = encryptedWith(sealed);
      if (keyId) inUse.add(keyId);
      continue;
    }
    await db.organization.updateMany({
      where: { id: organization.id, twilioAuthTokenEncrypted: sealed },
      data: { twilioAuthTokenEncrypted: sealAuthToken(token, organization.id) },
    });
    inUse.add(currentKeyId);
    rewritten++;
  }
  return rewritten;
}
