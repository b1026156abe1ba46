"use client";

import { Alert } from "@/components/ui/alert";
import { FieldAdvice } from "@/components/ui/field-messages";
import { SelectField } from "@/components/ui/select-field";
import type { UseCaseOption } from "@/lib/campaign/views";

import type { CampaignFieldProps } from "./campaign-field-input";

/**
 * The use case, from the list Twilio returns for this brand and Messaging Service, with the chosen
 * one's description. An empty list means Twilio would take no campaign for the brand yet: that is
 * said in words, never shown as an empty menu.
 */
export function UseCaseField({
  field,
  form,
  note,
  advice,
  error,
  useCases,
  useCasesError,
}: CampaignFieldProps & { useCases: UseCaseOption[]; useCasesError: string | null }) {
  const chosen = form.watch("usAppToPersonUsecase");
  const options = [...useCases];
  // A use case saved earlier stays choosable even if Twilio's list could not be loaded now.
  if (typeof chosen === "string" && chosen && !options.some((option) => option.code === chosen))
    options.push({ code: chosen, name: chosen, description: "", postApprovalRequired: false });
  if (!options.length)
    return (
      <Alert tone="warning" title="No use case is available for your brand yet">
        {useCasesError ??
          "Twilio offers no campaign use case for your brand at the moment. This usually means the brand is not fully approved or its vetting is still running, not something to fix here. Our team has been told; come back once they confirm the brand."}
      </Alert>
    );
  const selected = options.find((option) => option.code === chosen);
  return (
    <div className="space-y-2">
      {useCasesError ? (
        <Alert tone="warning">{useCasesError} The use cases shown are the last ones we had.</Alert>
      ) : null}
      <SelectField
        label={field.label}
        hint={field.help}
        note={note}
        error={error}
        options={options.map((option) => ({
          value: option.code,
          label: option.postApprovalRequired ? `${option.name} (needs approval after registration)` : option.name,
        }))}
        placeholder="Choose a use case…"
        {...form.register("usAppToPersonUsecase")}
      />
      {selected?.description ? (
        <p className="text-sm text-slate-600" data-testid="use-case-description">
          {selected.description}
          {selected.postApprovalRequired
            ? " Twilio registers this use case only after a further approval by the carriers, which your provider arranges."
            : ""}
        </p>
      ) : null}
      <FieldAdvice advice={advice} />
    </div>
  );
}
