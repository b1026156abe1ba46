import { hkdfSync } from "node:crypto";

/**
 * The keys that encrypt personal data at rest (tax IDs, representatives' emails and phone numbers).
 * DATA_ENCRYPTION_KEYS lists them as `id:base64key` separated by commas, the current key first;
 * older keys stay listed until `npm run data:rotate-key` has re-encrypted everything with the
 * current one. Outside production, when it is unset, a key derived from AUTH_SECRET is used so
 * the embedded mode works as it is.
 */
export type DataKey = { id: string; key: Buffer };
export type DataKeyring = { current: DataKey; all: Map<string, DataKey> };

const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;

export function parseDataKeys(value: string): DataKey[] {
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const separator = entry.indexOf(":");
      const id = entry.slice(0, separator);
      const key = Buffer.from(entry.slice(separator + 1), "base64");
      if (separator < 1 || !KEY_ID.test(id)) throw new Error("each key needs an id: `id:base64key`");
      if (key.length !== 32) throw new Error(`key "${id}" must be 32 bytes, base64 (openssl rand -base64 32)`);
      return { id, key };
    });
}

export function keyringFrom(settings: {
  DATA_ENCRYPTION_KEYS?: string;
  AUTH_SECRET: string;
  NODE_ENV?: string;
}): DataKeyring {
  const derived = {
    id: "auth",
    key: Buffer.from(hkdfSync("sha256", settings.AUTH_SECRET, "onboarding-portal", "data-key-v1", 32)),
  };
  const keys = settings.DATA_ENCRYPTION_KEYS ? parseDataKeys(settings.DATA_ENCRYPTION_KEYS) : [derived];
  // A development database written before keys were configured stays readable, and the rotation
  // command moves it to the configured key. Production never falls back to AUTH_SECRET.
  if (settings.NODE_ENV !== "production" && !keys.some((key) => key.id === derived.id)) keys.push(derived);
  return { current: keys[0]!, all: new Map(keys.map((key) => [key.id, key])) };
}
