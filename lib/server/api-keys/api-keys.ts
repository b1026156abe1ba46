import "server-only";

import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { ApiKey } from "@prisma/client";

import type { ApiScope } from "@/lib/api-v1/schemas";

import { audit } from "../audit/audit";
import { db } from "../db";

/**
 * API keys for the ISV's own product (#28 line 3): made by an administrator and shown once, kept as
 * a SHA-256 of the secret (32 random bytes: nothing to guess, so a slow hash would only cost
 * latency), scoped read or read-write, revocable, with the time of their last use.
 *
 * A key reads `ptk_<prefix>_<secret>`: the prefix finds the row and is safe to show and log; the
 * secret is compared in constant time with what the row keeps.
 */
const KEY_PATTERN = /^ptk_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

/** How stale the last-used time may be: written at most once a minute per key, not on every request. */
const LAST_USED_EVERY_MS = 60_000;

export type ApiKeyView = {
  id: string;
  name: string;
  prefix: string;
  scope: ApiScope;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export type AuthenticatedKey = { id: string; prefix: string; scope: ApiScope };

const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** Makes a key; the only time its whole value exists outside the caller's hands is this answer. */
export async function createApiKey(
  input: { name: string; scope: ApiScope },
  adminUserId: string,
): Promise<{ key: string; view: ApiKeyView }> {
  const prefix = `ptk_${randomBytes(9)
    .toString("base64url")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "0")
    .slice(0, 12)}`;
  const secret = randomBytes(32).toString("base64url");
  const row = await db.apiKey.create({
    data: { name: input.name, prefix, secretHash: hashSecret(secret), scope: input.scope, createdById: adminUserId },
  });
  await audit(db, {
    actorUserId: adminUserId,
    action: "api_key.created",
    targetType: "ApiKey",
    targetId: row.id,
    metadata: { prefix, scope: input.scope },
  });
  return { key: `${prefix}_${secret}`, view: viewOf(row) };
}

export async function listApiKeys(): Promise<ApiKeyView[]> {
  const rows = await db.apiKey.findMany({ orderBy: [{ revokedAt: "asc" }, { createdAt: "desc" }] });
  return rows.map(viewOf);
}

/** Revokes a key at once, on every instance (the database is asked on every request). */
export async function revokeApiKey(id: string, adminUserId: string): Promise<boolean> {
  const revoked = await db.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  if (revoked.count === 0) return false;
  await audit(db, { actorUserId: adminUserId, action: "api_key.revoked", targetType: "ApiKey", targetId: id });
  return true;
}

/** The key a request's `Authorization: Bearer …` names, when it is valid and not revoked. */
export async function authenticateApiKey(
  authorization: string | null,
  now = new Date(),
): Promise<AuthenticatedKey | null> {
  const match = KEY_PATTERN.exec(authorization?.replace(/^Bearer\s+/i, "").trim() ?? "");
  if (!match) return null;
  const row = await db.apiKey.findUnique({ where: { prefix: `ptk_${match[1]}` } });
  if (!row || row.revokedAt) return null;
  const expected = Buffer.from(row.secretHash, "hex");
  if (!timingSafeEqual(expected, Buffer.from(hashSecret(match[2]!), "hex"))) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_EVERY_MS)
    await db.apiKey.updateMany({
      where: {
        id: row.id,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_EVERY_MS) } }],
      },
      data: { lastUsedAt: now },
    });
  return { id: row.id, prefix: row.prefix, scope: row.scope as ApiScope };
}

function viewOf(row: ApiKey): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scope: row.scope as ApiScope,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
