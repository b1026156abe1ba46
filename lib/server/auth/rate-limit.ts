import type { PrismaClient } from "@prisma/client";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";

import { UNKNOWN_CLIENT_IP } from "./client-ip";

/**
 * Rate limits on rate-limiter-flexible with its Prisma store: counters live in the database
 * (table RateLimit), so they hold across restarts and across several portal instances, and each
 * row expires with its window (the store deletes expired rows).
 */
export type SignInLimits = {
  /** Failures for one account from one address: the lock a password guesser meets. */
  maxPerAccount: number;
  /** Failures from one address over every account: password spraying. */
  maxPerIp: number;
  /** Failures for one account from every address together: slower, so that a real user is not
   * locked out by someone guessing from elsewhere, yet a distributed guess still stops. */
  maxPerAccountAllAddresses: number;
  windowMinutes: number;
};

export type LimitScope = "account" | "ip" | "account_all_addresses";
export type SignInGate = { allowed: true } | { allowed: false; scope: LimitScope; retryAfterSeconds: number };

type Limiter = { scope: LimitScope; limiter: RateLimiterPrisma; key: string };

const limiters = new WeakMap<PrismaClient, Map<string, RateLimiterPrisma>>();

/** One limiter object per (client, purpose, size); the counting itself happens in the database. */
function limiter(db: PrismaClient, keyPrefix: string, points: number, durationSeconds: number): RateLimiterPrisma {
  let byKey = limiters.get(db);
  if (!byKey) limiters.set(db, (byKey = new Map()));
  const id = `${keyPrefix}:${points}:${durationSeconds}`;
  let found = byKey.get(id);
  if (!found) {
    found = new RateLimiterPrisma({
      storeClient: db,
      tableName: "rateLimit",
      keyPrefix,
      points,
      duration: durationSeconds,
    });
    byKey.set(id, found);
  }
  return found;
}

/**
 * The pair's limiter comes first (clearAccountFailures relies on it). Without a trusted address
 * (UNKNOWN_CLIENT_IP) there is no per-address limit: every caller would share one bucket, and twenty
 * wrong passwords from anyone would lock sign-in for everyone (#26 line 7).
 */
function signInLimiters(db: PrismaClient, email: string, ip: string, limits: SignInLimits): Limiter[] {
  const window = limits.windowMinutes * 60;
  const all: Limiter[] = [
    { scope: "account", limiter: limiter(db, "sign-in:pair", limits.maxPerAccount, window), key: `${email}|${ip}` },
    { scope: "ip", limiter: limiter(db, "sign-in:ip", limits.maxPerIp, window), key: ip },
    {
      scope: "account_all_addresses",
      limiter: limiter(db, "sign-in:account", limits.maxPerAccountAllAddresses, window),
      key: email,
    },
  ];
  return ip === UNKNOWN_CLIENT_IP ? all.filter((entry) => entry.scope !== "ip") : all;
}

/** Whether a sign-in may be checked at all; a locked pair cannot probe passwords. */
export async function checkSignInGate(
  db: PrismaClient,
  email: string,
  ip: string,
  limits: SignInLimits,
): Promise<SignInGate> {
  for (const { scope, limiter, key } of signInLimiters(db, email, ip, limits)) {
    const state = await limiter.get(key);
    if (state && state.consumedPoints >= limiter.points)
      return { allowed: false, scope, retryAfterSeconds: Math.max(1, Math.ceil(state.msBeforeNext / 1000)) };
  }
  return { allowed: true };
}

/** A failed sign-in counts against the pair, the address and the account. */
export async function recordSignInFailure(
  db: PrismaClient,
  email: string,
  ip: string,
  limits: SignInLimits,
): Promise<void> {
  for (const { limiter, key } of signInLimiters(db, email, ip, limits)) await consumeQuietly(limiter, key);
}

/** A successful sign-in forgives the failures from that address (not the address's other accounts). */
export async function clearAccountFailures(db: PrismaClient, email: string, ip: string, limits: SignInLimits) {
  const [pair] = signInLimiters(db, email, ip, limits);
  await pair!.limiter.delete(pair!.key);
}

/** After a password reset the account starts clean everywhere. */
export async function clearAllAccountFailures(db: Pick<PrismaClient, "rateLimit">, email: string): Promise<void> {
  await db.rateLimit.deleteMany({
    where: { OR: [{ key: `sign-in:account:${email}` }, { key: { startsWith: `sign-in:pair:${email}|` } }] },
  });
}

export type RequestLimit = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one request against a fixed-window limit and says whether it is within it. Used for
 * forgot-password, per account and per address.
 */
export async function takeRequest(
  db: PrismaClient,
  purpose: string,
  key: string,
  points: number,
  durationSeconds: number,
): Promise<RequestLimit> {
  const result = await consumeQuietly(limiter(db, purpose, points, durationSeconds), key);
  if (result.remainingPoints >= 0 && result.consumedPoints <= points) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)) };
}

/** rate-limiter-flexible rejects with the state once the points are used up; both are an answer here. */
async function consumeQuietly(limiter: RateLimiterPrisma, key: string): Promise<RateLimiterRes> {
  try {
    return await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return rejection;
    throw rejection;
  }
}

export function describeRetryAfter(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
