import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

import type { DataKeyring } from "./data-keys";

/**
 * One personal-data field, encrypted with AES-256-GCM under the keyring's current key:
 * `enc:v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url). A value without that prefix is plaintext
 * written before encryption existed, and is read as it is (the rotation command encrypts it).
 */
const PREFIX = "enc:v1:";

export function isEncrypted(value: unknown): value is string {
  return typeof value === "string" && value.startsWith(PREFIX);
}

export function encryptField(plaintext: string, keyring: DataKeyring): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyring.current.key, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${PREFIX}${[keyring.current.id, iv, cipher.getAuthTag(), body].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(":")}`;
}

export class UnreadableFieldError extends Error {
  constructor(keyId: string) {
    super(`a personal-data field is encrypted with key "${keyId}", which DATA_ENCRYPTION_KEYS does not list`);
    this.name = "UnreadableFieldError";
  }
}

export function decryptField(value: string, keyring: DataKeyring): string {
  if (!isEncrypted(value)) return value;
  const [keyId, iv, tag, body] = value.slice(PREFIX.length).split(":");
  const key = keyring.all.get(keyId ?? "");
  if (!key || !iv || !tag || body === undefined) throw new UnreadableFieldError(keyId ?? "?");
  const decipher = createDecipheriv("aes-256-gcm", key.key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** The key id a stored value was encrypted with (null for plaintext). */
export function encryptedWith(value: unknown): string | null {
  return isEncrypted(value) ? (value.slice(PREFIX.length).split(":")[0] ?? null) : null;
}

/**
 * A keyed hash of a registration number (a blind index): equal numbers give equal hashes, so staff
 * can find a customer by the number they type, while the database holds neither the number nor
 * anything a dictionary of numbers could be tested against without the key. Dashes, spaces and case
 * do not count.
 */
export function blindIndex(value: string, keyring: DataKeyring): string | null {
  const normalized = value.toUpperCase().replace(/[^A-Z0-9]/g, "");
  if (!normalized) return null;
  const key = Buffer.from(hkdfSync("sha256", keyring.current.key, "onboarding-portal", "blind-index-v1", 32));
  return createHmac("sha256", key).update(normalized).digest("hex").slice(0, 32);
}
