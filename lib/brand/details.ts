import { identityOf } from "./readiness";

/**
 * A brand's details as the portal keeps them, whatever brought them: the SDK's camelCase object (a
 * fetch, whose `errors` items are `{error_code, description, fields, url}`), Event Streams'
 * lower-case keys (`identitystatus`, `brandscore`, `externalbrandid`, and errors as
 * `brandregistrationerrors: [{registrationerrorcode, registrationerrordescription,
 * registrationerrorfields}]`, live-twilio.md §3) or Twilio's snake_case. Every variant is accepted.
 */
export type BrandError = { code: number | null; description: string; fields: string[] };
export type BrandDetails = {
  identityStatus: string | null;
  brandScore: number | null;
  tcrId: string | null;
  failureReason: string | null;
  errors: BrandError[];
  /** A Twilio mock brand (no fees, mock campaigns only; mock-brand-api.md). Absent when not known. */
  mock?: boolean;
};

type Raw = Record<string, unknown> | null | undefined;

const pick = (raw: Raw, ...keys: string[]) => {
  for (const key of keys) if (raw && raw[key] !== undefined && raw[key] !== null && raw[key] !== "") return raw[key];
  return null;
};

export function normalizeBrandDetails(raw: Raw): BrandDetails {
  const score = pick(raw, "brandScore", "brand_score", "brandscore");
  const errors = pick(raw, "errors", "brandregistrationerrors", "brandRegistrationErrors");
  return {
    // Events send it in lower case, the API in upper case: kept in the API's spelling (readiness.ts).
    identityStatus: identityOf(pick(raw, "identityStatus", "identity_status", "identitystatus") as string | null),
    brandScore: score === null || Number.isNaN(Number(score)) ? null : Number(score),
    tcrId: (pick(raw, "tcrId", "tcr_id", "tcrid", "externalbrandid") as string | null) ?? null,
    failureReason: (pick(raw, "failureReason", "failure_reason", "failurereason") as string | null) ?? null,
    errors: normalizeRegistrationErrors(errors),
    ...(pick(raw, "mock") === true ? { mock: true } : {}),
  };
}

/**
 * A brand's or a campaign's `errors` list in any of Twilio's spellings (`{error_code, description,
 * fields, url}` from the API, `registrationerror…` keys from Event Streams, `errorcode` and
 * `errordescription` in a secondary vetting failure's `brandvettingerrors`).
 */
export function normalizeRegistrationErrors(errors: unknown): BrandError[] {
  if (!Array.isArray(errors)) return [];
  return errors
    .filter((error): error is Record<string, unknown> => !!error && typeof error === "object")
    .map((error) => {
      const code = pick(error, "error_code", "errorCode", "code", "registrationerrorcode", "errorcode");
      const fields = pick(error, "fields", "registrationerrorfields");
      return {
        code: code !== null && Number.isFinite(Number(code)) ? Number(code) : null,
        description: String(
          pick(error, "description", "message", "registrationerrordescription", "errordescription") ?? "",
        ),
        fields: Array.isArray(fields) ? fields.map(String) : [],
      };
    });
}

/**
 * An event carries only some of a brand's details (a failure event has no identity status, a
 * registered one no errors): what it does not say is kept from what the portal knew. Errors are
 * cleared by an approval and replaced by an event that lists some.
 */
export function mergeBrandDetails(known: unknown, fresh: BrandDetails, status: string): BrandDetails {
  const previous = normalizeBrandDetails(known as Raw);
  return {
    identityStatus: fresh.identityStatus ?? previous.identityStatus,
    brandScore: fresh.brandScore ?? previous.brandScore,
    tcrId: fresh.tcrId ?? previous.tcrId,
    failureReason: status === "APPROVED" ? null : (fresh.failureReason ?? previous.failureReason),
    errors: fresh.errors.length ? fresh.errors : status === "APPROVED" ? [] : previous.errors,
    ...(fresh.mock || previous.mock ? { mock: true } : {}),
  };
}
