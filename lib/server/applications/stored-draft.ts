import "server-only";

import type { ApplicationDraft } from "@/lib/onboarding/schema/application";
import { readDraftShape } from "@/lib/onboarding/schema/draft-shape";

import { decryptField, encryptedWith, encryptField, isEncrypted } from "../crypto/field-cipher";
import { dataKeyring } from "../crypto/keyring";

/**
 * The draft as the database keeps it: the personal-data fields encrypted (decision 0009), the
 * rest as typed. Every read and write of `OnboardingApplication.draft` goes through here.
 */
const PERSONAL_FIELDS: readonly (readonly [string, ...string[]])[] = [
  ["business", "registrationNumber"],
  ["representatives", "primary", "email"],
  ["representatives", "primary", "phoneNumber"],
  ["representatives", "secondary", "email"],
  ["representatives", "secondary", "phoneNumber"],
  ["company", "brandContactEmail"],
];

function mapPersonalFields(draft: unknown, transform: (value: string) => string): unknown {
  if (!draft || typeof draft !== "object" || Array.isArray(draft)) return draft;
  const copy = structuredClone(draft) as Record<string, unknown>;
  for (const path of PERSONAL_FIELDS) {
    let node: unknown = copy;
    for (const key of path.slice(0, -1))
      node = node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
    const last = path[path.length - 1]!;
    if (node && typeof node === "object" && !Array.isArray(node)) {
      const holder = node as Record<string, unknown>;
      const value = holder[last];
      if (typeof value === "string" && value !== "") holder[last] = transform(value);
    }
  }
  return copy;
}

/** For a database write: personal fields encrypted with the current key. */
export function toStoredDraft(draft: ApplicationDraft): ApplicationDraft {
  const keyring = dataKeyring();
  return mapPersonalFields(draft, (value) =>
    isEncrypted(value) ? value : encryptField(value, keyring),
  ) as ApplicationDraft;
}

/** From a database read: personal fields decrypted, the whole in the draft's shape. */
export function readStoredDraft(stored: unknown): ApplicationDraft {
  const keyring = dataKeyring();
  return readDraftShape(mapPersonalFields(stored, (value) => decryptField(value, keyring)));
}

/** The stored values of the personal fields a draft holds (encrypted or, from before, plaintext). */
function personalValues(stored: unknown): string[] {
  const values: string[] = [];
  mapPersonalFields(stored, (value) => {
    values.push(value);
    return value;
  });
  return values;
}

/** Whether a stored draft still holds a personal field in plaintext or under an older key. */
export function needsReencryption(stored: unknown, currentKeyId: string): boolean {
  return personalValues(stored).some((value) => encryptedWith(value) !== currentKeyId);
}

/** The stored draft with every personal field encrypted under the current key (rotation). */
export function reencryptStoredDraft(stored: unknown): unknown {
  const keyring = dataKeyring();
  return mapPersonalFields(stored, (value) => encryptField(decryptField(value, keyring), keyring));
}

/** The key ids a stored draft's personal fields are encrypted with ("plaintext" for none). */
export function keyIdsIn(stored: unknown): Set<string> {
  return new Set(personalValues(stored).map((value) => encryptedWith(value) ?? "plaintext"));
}
