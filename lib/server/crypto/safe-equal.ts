import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Compares a secret the caller sent with ours in constant time. Both are hashed first, so their
 * lengths always match: timingSafeEqual throws on buffers of different lengths, which a multibyte
 * character (one string unit, several bytes) would otherwise trigger.
 */
export function secretsEqual(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}
