import { normalizeBrandDetails, type BrandDetails } from "../brand/details";
import type { EvaluationResult } from "./evaluation-fields";

/**
 * Decoders for the resource ledger's `details` (TwilioResource.details, JSON the portal wrote from
 * Twilio's answers, events and syncs). Every reader goes through one of these instead of casting:
 * a row of an older shape, or a value Twilio sent in another form, reads as empty, never as a
 * crash in a page. Pure.
 */

const record = (value: unknown): Record<string, unknown> | null =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** A brand's details (score, identity, errors, failure reason), whatever brought them. */
export const brandDetailsOf = (details: unknown): BrandDetails => normalizeBrandDetails(record(details));

/** An evaluation's results (the `evaluate:<bundle>` steps): the entries that are objects, as Twilio sent them. */
export function evaluationResultsOf(details: unknown): EvaluationResult[] {
  const results = record(details)?.results;
  return Array.isArray(results) ? (results.filter((result) => record(result)) as EvaluationResult[]) : [];
}

export type BundleError = { code?: number; message?: string; fields?: string[] };

/** A rejected bundle's errors (a status callback's or a fetch's), each with what is known of it. */
export function bundleErrorsOf(details: unknown): BundleError[] {
  const errors = record(details)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((raw) => {
    const error = record(raw);
    if (!error) return [];
    return [
      {
        ...(typeof error.code === "number" ? { code: error.code } : {}),
        ...(typeof error.message === "string" ? { message: error.message } : {}),
        ...(Array.isArray(error.fields)
          ? { fields: error.fields.filter((field): field is string => typeof field === "string") }
          : {}),
      },
    ];
  });
}

/** The raw `errors` of a campaign's details, for normalizeRegistrationErrors. */
export const campaignErrorsOf = (details: unknown): unknown => record(details)?.errors;
