import "server-only";

import { env } from "../env";
import { keyringFrom, type DataKeyring } from "./data-keys";

let cached: { source: string; keyring: DataKeyring } | undefined;

/** The keyring from the validated environment (parsed once per value). */
export function dataKeyring(): DataKeyring {
  const settings = env();
  const source = `${settings.DATA_ENCRYPTION_KEYS ?? ""}|${settings.AUTH_SECRET}`;
  if (cached?.source !== source) cached = { source, keyring: keyringFrom(settings) };
  return cached.keyring;
}
