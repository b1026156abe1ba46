import "server-only";

import { readTollfreeDraft } from "@/lib/tollfree/draft";
import type { TollfreeDraft } from "@/lib/tollfree/draft-values";
import type { TollfreeFieldKey } from "@/lib/tollfree/fields";

import { decryptField, encryptedWith, encryptField, fieldContext, isBound } from "../crypto/field-cipher";
import { dataKeyring } from "../crypto/keyring";

/**
 * The toll-free verification's draft as the database keeps it: its personal data encrypted as the
 * onboarding draft's is (decision 0009: the registration number and the person's email and phone),
 * each value bound to this verification and field; the rest as typed. Every read and write of
 * `TollfreeVerification.draft` goes through here.
 */
const PERSONAL_FIELDS: readonly TollfreeFieldKey[] = [
  "businessRegistrationNumber",
  "businessContactEmail",
  "businessContactPhone",
  "notificationEmail",
];

const placeOf = (verificationId: string, field: string) => fieldContext("TollfreeVerification", verificationId, field);

function mapPersonal(stored: unknown, transform: (value: string, field: string) => string): unknown {
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return stored;
  const copy = { ...(stored as Record<string, unknown>) };
  for (const field of PERSONAL_FIELDS) {
    const value = copy[field];
    if (typeof value === "string" && value !== "") copy[field] = transform(value, field);
  }
  return copy;
}

/** For a database write: every personal value encrypted with the current key (whatever it looks like). */
export function toStoredTollfreeDraft(draft: TollfreeDraft, verificationId: string): TollfreeDraft {
  const keyring = dataKeyring();
  return mapPersonal(draft, (value, field) =>
    encryptField(value, keyring, placeOf(verificationId, field)),
  ) as TollfreeDraft;
}

/** From a database read: decrypted, in the draft's shape; a value that does not open reads as empty. */
export function readStoredTollfreeDraft(stored: unknown, verificationId: string): TollfreeDraft {
  const keyring = dataKeyring();
  return readTollfreeDraft(
    mapPersonal(stored, (value, field) => {
      try {
        return decryptField(value, keyring, placeOf(verificationId, field));
      } catch {
        console.warn(`[data] ${field} of toll-free verification ${verificationId} cannot be read; it reads as empty`);
        return "";
      }
    }),
  );
}

/** Rotation: the personal values under the current key; those that do not open are kept and named. */
export function reencryptStoredTollfreeDraft(
  stored: unknown,
  verificationId: string,
): { draft: unknown; unreadable: string[]; needed: boolean; keyIds: Set<string> } {
  const keyring = dataKeyring();
  const unreadable: string[] = [];
  let needed = false;
  const keyIds = new Set<string>();
  const draft = mapPersonal(stored, (value, field) => {
    if (isBound(value) && encryptedWith(value) === keyring.current.id) {
      keyIds.add(keyring.current.id);
      return value;
    }
    needed = true;
    try {
      const rewritten = encryptField(
        decryptField(value, keyring, placeOf(verificationId, field)),
        keyring,
        placeOf(verificationId, field),
      );
      keyIds.add(keyring.current.id);
      return rewritten;
    } catch {
      unreadable.push(field);
      keyIds.add(encryptedWith(value) ?? "plaintext");
      return value;
    }
  });
  return { draft, unreadable, needed, keyIds };
}
