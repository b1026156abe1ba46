import type { TollfreeFieldKey } from "./fields";

/**
 * Twilio's reasons for a rejected toll-free verification, read in every shape they may come in.
 * The onboarding guide says `rejection_reasons` lists "a human-readable `reason` and a `code`"; the
 * OpenAPI gives its items no schema, so `error_code`/`description`/`message` and plain strings are
 * read too, and the single `rejection_reason` with `error_code` when the list is empty.
 */
export type TollfreeRejection = { code: number | null; reason: string };

/** A code as a number or numeric text; anything else (null, "", words) is no code. */
function codeOf(value: unknown): number | null {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^\d+$/.test(value.trim())) return Number(value);
  return null;
}

export function readRejections(verification: {
  rejectionReasons?: unknown;
  rejectionReason?: unknown;
  errorCode?: unknown;
}): TollfreeRejection[] {
  const list = Array.isArray(verification.rejectionReasons) ? verification.rejectionReasons : [];
  const read = list
    .map((item): TollfreeRejection | null => {
      if (typeof item === "string") return item ? { code: null, reason: item } : null;
      if (!item || typeof item !== "object") return null;
      const record = item as Record<string, unknown>;
      const code = codeOf(record.code ?? record.error_code ?? record.errorCode);
      const reason = [record.reason, record.description, record.message].find(
        (value): value is string => typeof value === "string" && value.length > 0,
      );
      if (!reason && code === null) return null;
      return { code, reason: reason ?? "" };
    })
    .filter((item): item is TollfreeRejection => item !== null);
  if (read.length) return read;
  const code = codeOf(verification.errorCode);
  const reason = typeof verification.rejectionReason === "string" ? verification.rejectionReason : "";
  return reason || code !== null ? [{ code, reason }] : [];
}

/**
 * Which answer each of Twilio's toll-free rejection codes is about (Twilio's "Why Was My Toll-Free
 * Verification Rejected?" and the error pages twilio.com/docs/api/errors/NNNNN), so the reason is
 * shown next to the field to fix; any other code is shown above the form with its page.
 */
const FIELDS_BY_CODE: Record<number, TollfreeFieldKey[]> = {
  30451: [
    "businessStreetAddress",
    "businessCity",
    "businessStateProvinceRegion",
    "businessPostalCode",
    "businessCountry",
  ],
  30474: ["businessName"],
  30482: ["businessContactEmail"],
  30483: ["businessContactFirstName", "businessContactLastName"],
  30484: ["businessName"],
  30485: ["businessRegistrationNumber"],
  30487: ["businessType"],
  30488: ["doingBusinessAs"],
  30511: ["optInType", "optInImageUrls"],
  30527: ["businessRegistrationNumber"],
  30464: ["useCaseSummary"],
};

export function fieldsOfRejection(code: number | null): TollfreeFieldKey[] {
  return code === null ? [] : (FIELDS_BY_CODE[code] ?? []);
}

/** The reason in words the customer can act on, with Twilio's code and page. */
export function rejectionText(rejection: TollfreeRejection): string {
  const reason = rejection.reason || "Twilio did not give a reason";
  return rejection.code ? `${reason} (Twilio error ${rejection.code}).` : `${reason}.`;
}

export const rejectionUrl = (code: number | null) => (code ? `https://www.twilio.com/docs/api/errors/${code}` : null);
