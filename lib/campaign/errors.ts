import { normalizeRegistrationErrors } from "@/lib/brand/details";
import { explainTwilioError } from "@/lib/trusthub/error-explanations";

import { CAMPAIGN_FIELDS, campaignPath, type CampaignFieldKey } from "./fields";

/**
 * A failed campaign's `errors` ({error_code, description, fields: ["MESSAGE_FLOW"], url}; the
 * fields in upper or lower case, Twilio's examples use both) → the campaign form's fields, so the
 * customer sees each reason next to what to change. Pure. An error naming no known field goes
 * with the description, which reviewers read first.
 */
export type CampaignProblem = { field: string; code: number | null; message: string };

const BY_TWILIO_NAME = new Map<string, CampaignFieldKey>();
for (const field of CAMPAIGN_FIELDS)
  if (!BY_TWILIO_NAME.has(field.twilioName)) BY_TWILIO_NAME.set(field.twilioName, field.key);
// Spellings seen besides the parameters' own.
BY_TWILIO_NAME.set("message_sample", "sample1");
BY_TWILIO_NAME.set("samples", "sample1");
BY_TWILIO_NAME.set("use_case", "usAppToPersonUsecase");
BY_TWILIO_NAME.set("usecase", "usAppToPersonUsecase");
BY_TWILIO_NAME.set("privacy_policy", "privacyPolicyUrl");
BY_TWILIO_NAME.set("terms_and_conditions", "termsAndConditionsUrl");

export function campaignFieldOfTwilioName(name: string): CampaignFieldKey | null {
  const key = name
    .trim()
    .replace(/([a-z])([A-Z])/g, "$1_$2")
    .toLowerCase();
  return BY_TWILIO_NAME.get(key) ?? null;
}

export function campaignProblems(errors: unknown): CampaignProblem[] {
  const problems: CampaignProblem[] = [];
  for (const error of normalizeRegistrationErrors(errors)) {
    const message = [error.description, error.code ? explainTwilioError(error.code) : null]
      .filter((part): part is string => !!part)
      .join(" ");
    const fields = [
      ...new Set(error.fields.map(campaignFieldOfTwilioName).filter((key): key is CampaignFieldKey => !!key)),
    ];
    for (const key of fields.length ? fields : (["description"] as const))
      problems.push({
        field: campaignPath(key),
        code: error.code,
        message: message || "Twilio did not accept this.",
      });
  }
  return problems;
}
