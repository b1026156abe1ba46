/**
 * A brand's details as the portal keeps them, whatever brought them: the SDK's camelCase object (a
 * fetch), Event Streams' lower-case keys (`identitystatus`, `brandscore`) or Twilio's snake_case.
 */
export type BrandError = { code: number | null; description: string; fields: string[] };
export type BrandDetails = {
  identityStatus: string | null;
  brandScore: number | null;
  tcrId: string | null;
  failureReason: string | null;
  errors: BrandError[];
};

type Raw = Record<string, unknown> | null | undefined;

const pick = (raw: Raw, ...keys: string[]) => {
  for (const key of keys) if (raw && raw[key] !== undefined && raw[key] !== null && raw[key] !== "") return raw[key];
  return null;
};

export function normalizeBrandDetails(raw: Raw): BrandDetails {
  const score = pick(raw, "brandScore", "brand_score", "brandscore");
  const errors = pick(raw, "errors");
  return {
    identityStatus: (pick(raw, "identityStatus", "identity_status", "identitystatus") as string | null) ?? null,
    brandScore: score === null || Number.isNaN(Number(score)) ? null : Number(score),
    tcrId: (pick(raw, "tcrId", "tcr_id", "tcrid") as string | null) ?? null,
    failureReason: (pick(raw, "failureReason", "failure_reason", "failurereason") as string | null) ?? null,
    errors: Array.isArray(errors)
      ? errors.map((error: Record<string, unknown>) => ({
          code:
            typeof error?.code === "number"
              ? error.code
              : Number.isFinite(Number(error?.code))
                ? Number(error.code)
                : null,
          description: String(error?.description ?? error?.message ?? ""),
          fields: Array.isArray(error?.fields) ? error.fields.map(String) : [],
        }))
      : [],
  };
}
