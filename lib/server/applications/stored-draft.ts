import "server-only";

import type { ApplicationDraft } from "@/lib/onboarding/schema/application";
import { readDraftShape } from "@/lib/onboarding/schema/draft-shape";

import { decryptField, encryptedWith, encryptField, fieldContext, isBound } from "../crypto/field-cipher";
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

function mapPersonalFields(draft: unknown, transform: (value: string, field: string) => string): unknown {
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
      if (typeof value === "string" && value !== "") holder[last] = transform(value, path.join("."));
    }
  }
  return copy;
}

/** A field's place, bound into its ciphertext: a value copied to another application or field does not open. */
const placeOf = (applicationId: string, field: string) => fieldContext("OnboardingApplication", applicationId, field);

/**
 * For a database write: personal fields encrypted with the current key, bound to this application.
 * The draft comes from the browser (or from a read of it, decrypted): every value is what somebody
 * typed, so every value is encrypted, one that looks like a ciphertext too (#26 line 4: a pasted
 * `enc:v1:` value was stored as given, and the portal then decrypted another customer's data for
 * whoever pasted it).
 */
export function toStoredDraft(draft: ApplicationDraft, applicationId: string): ApplicationDraft {
  const keyring = dataKeyring();
  return mapPersonalFields(draft, (value, field) =>
    encryptField(value, keyring, placeOf(applicationId, field)),
  ) as ApplicationDraft;
}

/**
 * From a database read: personal fields decrypted, the whole in the draft's shape. A value that
 * does not open here (its key is no longer listed, or it was altered or copied from another record
 * or field) reads as empty, so the customer is asked for it again, and the operator is told which
 * field it was (never its value): one bad value must not take down the pages and jobs that read
 * the draft.
 */
export function readStoredDraft(stored: unknown, applicationId: string): ApplicationDraft {
  const keyring = dataKeyring();
  return readDraftShape(
    mapPersonalFields(stored, (value, field) => {
      try {
        return decryptField(value, keyring, placeOf(applicationId, field));
      } catch {
        console.warn(`[data] ${field} of application ${applicationId} cannot be read; it reads as empty`);
        return "";
      }
    }),
  );
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

/** Whether a stored draft still holds a personal field in plaintext, unbound (v1) or under an older key. */
export function needsReencryption(stored: unknown, currentKeyId: string): boolean {
  return personalValues(stored).some((value) => !isBound(value) || encryptedWith(value) !== currentKeyId);
}

/**
 * The stored draft with every personal field it can read encrypted under the current key and bound
 * to its place (rotation). A value it cannot read (a key no longer listed, a value altered or moved)
 * is kept as it is and named in `unreadable`: one bad value must not stop the rotation of the others.
 */
export function reencryptStoredDraft(stored: unknown, applicationId: string): { draft: unknown; unreadable: string[] } {
  const keyring = dataKeyring();
  const unreadable: string[] = [];
  const draft = mapPersonalFields(stored, (value, field) => {
    try {
      return encryptField(
        decryptField(value, keyring, placeOf(applicationId, field)),
        keyring,
        placeOf(applicationId, field),
      );
    } catch {
      unreadable.push(field);
      return value;
    }
  });
  return { draft, unreadable };
}

/** The key ids a stored draft's personal fields are encrypted with ("plaintext" for none). */
export function keyIdsIn(stored: unknown): Set<string> {
  return new Set(personalValues(stored).map((value) => encryptedWith(value) ?? "plaintext"));
}
