import "server-only";

import type { Prisma } from "@prisma/client";

import { db } from "../db";

type Tx = Prisma.TransactionClient;

/**
 * Server-side sessions behind Auth.js's signed cookies (#26 line 5). The cookie carries its row's id;
 * `sessionStands` is checked with the user on every request (guards.ts), so ending the row ends the
 * session however many copies of the cookie exist. Ending every session of a user also bumps its
 * sessionVersion, which ends cookies issued before sessions had rows.
 */
const SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;

export async function startSession(userId: string): Promise<string> {
  // Rows of sessions that can no longer be used (ended, or past the cookie's own lifetime) go first.
  await db.userSession.deleteMany({
    where: {
      userId,
      OR: [{ endedAt: { not: null } }, { createdAt: { lt: new Date(Date.now() - SESSION_MAX_AGE_MS) } }],
    },
  });
  return (await db.userSession.create({ data: { userId } })).id;
}

export async function endSession(sessionId: string): Promise<void> {
  await db.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: new Date() } });
}

/** Every browser of the user signs out: "sign out of every device", a role change, a new password. */
export async function endEverySession(tx: Tx, userId: string): Promise<void> {
  await tx.userSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: new Date() } });
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

/** A session row (found through its user, so it is theirs) stands until it is ended. */
export function sessionStands(row: { endedAt: Date | string | null } | undefined): boolean {
  return !!row && row.endedAt === null;
}
