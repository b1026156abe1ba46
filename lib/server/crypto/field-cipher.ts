import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

import type { DataKeyring } from "./data-keys";

/**
 * One personal-data field, encrypted with AES-256-GCM under the keyring's current key:
 * `enc:v2:<key id>:<iv>:<tag>:<ciphertext>` (base64url), bound to where it is kept: the table, the
 * record and the field are its associated data (`context`), so a ciphertext copied into another
 * record or field does not decrypt there (#26 line 4). `enc:v1:` values, written before that
 * binding, are still read (without it) until `npm run data:rotate-key` rewrites them as v2. A value
 * without either prefix is plaintext written before encryption existed, and is read as it is.
 */
const V1 = "enc:v1:";
const V2 = "enc:v2:";

export function isEncrypted(value: unknown): value is string {
  return typeof value === "string" && (value.startsWith(V2) || value.startsWith(V1));
}

/** Where a value is kept, as its associated data: e.g. `OnboardingApplication/<id>/business.registrationNumber`. */
export const fieldContext = (table: string, recordId: string, field: string) => `${table}/${recordId}/${field}`;

export function encryptField(plaintext: string, keyring: DataKeyring, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyring.current.key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${V2}${[keyring.current.id, iv, cipher.getAuthTag(), body].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(":")}`;
}

export class UnreadableFieldError extends Error {
  constructor(keyId: string) {
    super(`a personal-data field is encrypted with key "${keyId}", which DATA_ENCRYPTION_KEYS does not list`);
    this.name = "UnreadableFieldError";
  }
}

/**
 * The plaintext of a stored value kept at `context`. Throws UnreadableFieldError for a key the
 * keyring lacks or a malformed value, and GCM's own error for a value moved from elsewhere or altered.
 */
export function decryptField(value: string, keyring: DataKeyring, context: string): string {
  if (!isEncrypted(value)) return value;
  const bound = value.startsWith(V2);
  const [keyId, iv, tag, body] = value.slice(V2.length).split(":");
  const key = keyring.all.get(keyId ?? "");
  if (!key || !iv || !tag || body === undefined) throw new UnreadableFieldError(keyId ?? "?");
  const decipher = createDecipheriv("aes-256-gcm", key.key, Buffer.from(iv, "base64url"));
  if (bound) decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** Whether a stored value is bound to its place (v2); v1 and plaintext values are rewritten by rotation. */
export const isBound = (value: unknown): boolean => typeof value === "string" && value.startsWith(V2);

/** The key id a stored value was encrypted with (null for plaintext). */
export function encryptedWith(value: unknown): string | null {
  return isEncrypted(value) ? (value.slice(V2.length).split(":")[0] ?? null) : null;
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
  return createHmac("sha256", blindIndexKey(keyring.current.key)).update(normalized).digest("hex").slice(0, 32);
}

// Derived once per data key: every autosave computes an index (#27 line 2), and HKDF was a tenth of it.
const blindIndexKeys = new WeakMap<Buffer, Buffer>();
function blindIndexKey(dataKey: Buffer): Buffer {
  let key = blindIndexKeys.get(dataKey);
  if (!key)
    blindIndexKeys.set(
      dataKey,
      (key = Buffer.from(hkdfSync("sha256", dataKey, "onboarding-portal", "blind-index-v1", 32))),
    );
  return key;
}
