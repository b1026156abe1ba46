"use client";

import type { UseFormReturn } from "react-hook-form";

import { CheckboxField } from "@/components/ui/checkbox-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import type { CampaignDraft } from "@/lib/campaign/draft-values";
import type { CampaignField, CampaignFieldKey } from "@/lib/campaign/fields";
import { CAMPAIGN_LIMITS } from "@/lib/campaign/limits";

export type CampaignFieldProps = {
  field: CampaignField;
  form: UseFormReturn<Required<CampaignDraft>>;
  /** A staff comment or Twilio's reason. */
  note?: string;
  /** The pre-submission review's advice for this field. */
  advice: string[];
  /** What is wrong with it now (../forms/use-shown-errors.ts). */
  error?: string;
};

/** The most characters Twilio takes in each long text (shown as a counter). */
function maxCharsOf(key: CampaignFieldKey): number | undefined {
  if (key === "description") return CAMPAIGN_LIMITS.description[1];
  if (key === "messageFlow") return CAMPAIGN_LIMITS.messageFlow[1];
  if (key.startsWith("sample")) return CAMPAIGN_LIMITS.sample[1];
  if (key.endsWith("Message")) return CAMPAIGN_LIMITS.message[1];
  return undefined;
}

/** One campaign field, drawn by its kind, labelled with Twilio's name. */
export function CampaignFieldInput({ field, form, note, advice, error }: CampaignFieldProps) {
  const value = form.watch(field.key);
  const max = maxCharsOf(field.key);
  if (field.kind === "flag")
    return (
      <CheckboxField label={field.label} hint={field.help} note={note} advice={advice} {...form.register(field.key)} />
    );
  if (field.kind === "longtext" || field.key.endsWith("Message"))
    return (
      <TextAreaField
        label={field.label}
        hint={field.help}
        note={note}
        advice={advice}
        error={error}
        rows={field.key === "description" || field.key === "messageFlow" ? 5 : 3}
        charCount={max ? { count: typeof value === "string" ? value.trim().length : 0, max } : undefined}
        {...form.register(field.key)}
      />
    );
  return (
    <TextField
      label={field.label}
      hint={field.help}
      note={note}
      advice={advice}
      error={error}
      inputMode={field.kind === "url" ? "url" : undefined}
      {...form.register(field.key)}
    />
  );
}
