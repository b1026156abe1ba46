import { createHash, randomBytes } from "node:crypto";

/**
 * Tokens for emailed links (invitations, password resets). The link carries 256 random bits; the
 * database keeps only their SHA-256, so neither a leaked database nor a guessed or edited link works.
 */
export function createLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A token as the link carries it: 43 base64url characters. Anything else is not worth a lookup. */
export function looksLikeLinkToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
