import type { PrismaClient } from "@prisma/client";

export type SignInLimits = { maxPerAccount: number; maxPerIp: number; windowMinutes: number };

export type SignInGate = { allowed: true } | { allowed: false; scope: "account" | "ip"; retryAfterSeconds: number };

/**
 * Failed sign-ins are counted in the database (not in memory) so the limit holds across server
 * restarts and across several server processes.
 */
export async function checkSignInGate(
  db: PrismaClient,
  email: string,
  ip: string,
  limits: SignInLimits,
  now = new Date(),
): Promise<SignInGate> {
  const since = new Date(now.getTime() - limits.windowMinutes * 60_000);
  const [accountFailures, ipFailures] = await Promise.all([
    db.signInFailure.findMany({
      where: { email, createdAt: { gt: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
    db.signInFailure.findMany({
      where: { ip, createdAt: { gt: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    }),
  ]);
  const retryAfter = (failures: { createdAt: Date }[], max: number) => {
    // The window reopens when the oldest failure that still counts towards the limit leaves it.
    const oldestCounted = failures[failures.length - max];
    const reopensAt = (oldestCounted?.createdAt.getTime() ?? now.getTime()) + limits.windowMinutes * 60_000;
    return Math.max(1, Math.ceil((reopensAt - now.getTime()) / 1000));
  };
  if (accountFailures.length >= limits.maxPerAccount) {
    return { allowed: false, scope: "account", retryAfterSeconds: retryAfter(accountFailures, limits.maxPerAccount) };
  }
  if (ipFailures.length >= limits.maxPerIp) {
    return { allowed: false, scope: "ip", retryAfterSeconds: retryAfter(ipFailures, limits.maxPerIp) };
  }
  return { allowed: true };
}

export async function recordSignInFailure(db: PrismaClient, email: string, ip: string): Promise<void> {
  await db.signInFailure.create({ data: { email, ip } });
}

/** A successful sign-in forgives the account's earlier failures (not the IP's). */
export async function clearAccountFailures(db: PrismaClient, email: string): Promise<void> {
  await db.signInFailure.deleteMany({ where: { email } });
}

export function describeRetryAfter(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
