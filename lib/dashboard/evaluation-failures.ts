import { explainTwilioError } from "@/lib/trusthub/error-explanations";
import { REQUIREMENT_FIELDS, wizardField, type EvaluationResult } from "@/lib/trusthub/evaluation-fields";

import { fieldLabel, wizardFieldHref } from "./field-labels";

export type FailureItem = {
  message: string;
  code: number | null;
  explanation: string;
  field: string | null;
  fieldLabel: string | null;
  href: string | null;
};
export type FailureGroup = {
  bundle: string;
  requirement: string;
  title: string;
  code: number | null;
  message: string | null;
  items: FailureItem[];
};

const BUNDLE_NAMES: Record<string, string> = {
  "customer-profile": "Business profile",
  "trust-product": "A2P messaging profile",
};

/**
 * A noncompliant evaluation's failures grouped by requirement, each with Twilio's code and message,
 * a plain explanation and the wizard field to fix. Pure.
 */
export function groupEvaluationFailures(bundle: string, results: EvaluationResult[]): FailureGroup[] {
  return results
    .filter((result) => !result.passed)
    .map((result) => {
      const entries = result.invalid?.length
        ? result.invalid
        : [
            {
              object_field: "",
              failure_reason: result.failure_reason,
              error_code: result.error_code,
              friendly_name: result.friendly_name,
            },
          ];
      const items = entries.map((entry): FailureItem => {
        const field =
          (entry.object_field && wizardField(result.requirement_name, entry.object_field)) ||
          REQUIREMENT_FIELDS[result.requirement_name] ||
          null;
        const code = entry.error_code ?? result.error_code;
        return {
          message: entry.failure_reason ?? result.failure_reason ?? "Twilio could not accept this.",
          code,
          explanation: explainTwilioError(code),
          field,
          fieldLabel: field ? fieldLabel(field) : null,
          href: field ? wizardFieldHref(field) : null,
        };
      });
      return {
        bundle: BUNDLE_NAMES[bundle] ?? bundle,
        requirement: result.requirement_name,
        title: result.requirement_friendly_name ?? result.friendly_name ?? result.requirement_name,
        code: result.error_code,
        message: result.failure_reason,
        items,
      };
    });
}
