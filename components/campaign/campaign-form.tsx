"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { Resolver } from "react-hook-form";

import { AutosaveConflict } from "@/components/forms/draft-conflict-alert";
import { SaveStatusView } from "@/components/forms/save-status-view";
import { useAutosavedForm } from "@/components/forms/use-autosaved-form";
import { useShownErrors } from "@/components/forms/use-shown-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";
import { draftFindings, findingsByField } from "@/lib/campaign/draft-findings";
import { emptyCampaignDraft, type CampaignDraft } from "@/lib/campaign/draft-values";
import { campaignField, type CampaignFieldKey } from "@/lib/campaign/fields";
import type { CampaignPageData, CampaignSnapshot } from "@/lib/campaign/views";
import { campaignStatusLabel } from "@/lib/dashboard/status-labels";
import { saveCampaignDraftAction, submitCampaignAction } from "@/lib/server/actions/campaign-actions";

import { CampaignFieldInput, type CampaignFieldProps } from "./campaign-field-input";
import { UseCaseField } from "./use-case-field";

type Values = Required<CampaignDraft>;

/**
 * The campaign schema and zod (about 45 KB gzipped) load at the form's first check, not with the
 * page: the saved draft's messages come checked from the server (`savedFieldErrors`).
 */
let checks: Promise<typeof import("./campaign-validation")> | null = null;
const loadChecks = () =>
  (checks ??= import("./campaign-validation").catch((error: unknown) => {
    checks = null; // a failed download is tried again at the next check
    throw error;
  }));
const resolver: Resolver<Values> = async (values, context, options) =>
  (await loadChecks()).campaignResolver<Values>()(values, context, options);

/** The form's sections, in the order Twilio's campaign registration asks for them. */
const SECTIONS: { title: string; description?: string; keys: CampaignFieldKey[] }[] = [
  { title: "Use case", keys: ["usAppToPersonUsecase"] },
  { title: "About this campaign", keys: ["description", "messageFlow"] },
  {
    title: "Sample messages",
    description: "Two are required, up to five. Write them exactly as you will send them.",
    keys: ["sample1", "sample2", "sample3", "sample4", "sample5"],
  },
  {
    title: "Opt-in, opt-out and help",
    description: "Keywords people text, and what you answer. Optional, but reviewers look for them.",
    keys: ["optInKeywords", "optInMessage", "optOutKeywords", "optOutMessage", "helpKeywords", "helpMessage"],
  },
  {
    title: "What your messages contain",
    keys: ["hasEmbeddedLinks", "hasEmbeddedPhone", "ageGated", "directLending"],
  },
  { title: "Your policies", keys: ["privacyPolicyUrl", "termsAndConditionsUrl"] },
];

/**
 * The customer's A2P campaign: every field under the shared campaign schema (its hard limits show
 * as errors and block sending), saved as typed like the onboarding draft, with the pre-submission
 * review's advice next to the field it concerns (it never blocks), and staff comments or Twilio's
 * reasons for a failed campaign next to theirs.
 */
export function CampaignForm({
  applicationId,
  snapshot,
  useCases,
  useCasesError,
  comments,
  brandName,
  twilioStatus,
  savedFieldErrors,
}: CampaignPageData & { applicationId: string }) {
  const router = useRouter();
  const readOnly = !["DRAFT", "CHANGES_REQUESTED"].includes(snapshot.status);
  const save = useCallback(
    (draft: CampaignDraft, expectedVersion: number) =>
      saveCampaignDraftAction({ applicationId, expectedVersion, draft }),
    [applicationId],
  );
  const { form, draft, saveState, saveNow, resolveConflict, currentVersion, tookNewer } = useAutosavedForm<
    CampaignDraft,
    CampaignSnapshot,
    Values
  >({ snapshot, save, resolver, empty: emptyCampaignDraft, readOnly });
  const [formError, setFormError] = useState<string | null>(null);

  // Saved answers show what still needs fixing straight away, as the server checked them.
  const errors = useShownErrors(form, !readOnly && Object.keys(snapshot.draft).length ? savedFieldErrors : null);
  // A link can open the form at a field.
  useEffect(() => {
    const field = new URLSearchParams(window.location.search).get("field");
    if (field && campaignField(field)) {
      const frame = requestAnimationFrame(() => form.setFocus(field as CampaignFieldKey));
      return () => cancelAnimationFrame(frame);
    }
    // Only when the page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const findings = useMemo(() => findingsByField(draftFindings(draft, brandName)), [draft, brandName]);
  const findingCount = Object.values(findings).flat().length;

  const submit = form.handleSubmit(async () => {
    setFormError(null);
    if (!(await saveNow())) {
      setFormError("Your latest changes are not saved yet, so the campaign was not sent. See the status above.");
      return;
    }
    let result: Awaited<ReturnType<typeof submitCampaignAction>>;
    try {
      result = await submitCampaignAction({ applicationId, expectedVersion: currentVersion() });
    } catch {
      setFormError("We could not reach the server. Your answers are saved; please try again.");
      return;
    }
    if (result.ok) {
      router.refresh();
      return;
    }
    setFormError(result.formError ?? "The campaign was not sent.");
    Object.entries(result.fieldErrors).forEach(([field, messages], index) =>
      form.setError(field as CampaignFieldKey, { type: "server", message: messages[0] }, { shouldFocus: index === 0 }),
    );
  });

  const fieldProps = (key: CampaignFieldKey): CampaignFieldProps => ({
    field: campaignField(key)!,
    form,
    note: comments[key]?.join(" "),
    advice: (findings[key] ?? []).map((finding) => `${finding.message} (prevents Twilio error ${finding.code})`),
    error: errors[key]?.message,
  });

  return (
    <div className="space-y-6">
      <StatusNotice status={snapshot.status} submittedAt={snapshot.submittedAt} twilioStatus={twilioStatus} />
      {Object.keys(comments).length && !readOnly ? (
        <Alert tone="warning" title="Please update your campaign">
          {Object.keys(comments).length === 1 ? "One field needs" : `${Object.keys(comments).length} fields need`}{" "}
          changes; each reason is shown next to its field. When you are done, send the campaign again.
        </Alert>
      ) : null}
      <AutosaveConflict
        noun="campaign"
        saveState={saveState}
        resolveConflict={resolveConflict}
        onTookNewer={tookNewer}
      />
      {!readOnly ? (
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <p className="text-sm text-slate-600">
            Fields and limits are Twilio&apos;s. Advice marks what often gets campaigns rejected; it does not stop you
            from sending.
          </p>
          <SaveStatusView saveState={saveState} onRetry={() => void saveNow()} />
        </div>
      ) : null}
      <form
        method="post"
        onSubmit={submit}
        // The checks start loading at the first touch, so that the first blur's check finds them.
        onFocusCapture={() => void loadChecks().catch(() => undefined)}
        noValidate
        className="space-y-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6"
      >
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        {SECTIONS.map((section) => (
          <fieldset key={section.title} className="space-y-4 border-b border-slate-100 pb-6 last:border-0">
            <legend className="text-base font-semibold text-slate-900">{section.title}</legend>
            {section.description ? <p className="-mt-2 text-sm text-slate-600">{section.description}</p> : null}
            {section.keys.map((key) =>
              key === "usAppToPersonUsecase" ? (
                <UseCaseField key={key} {...fieldProps(key)} useCases={useCases} useCasesError={useCasesError} />
              ) : (
                <CampaignFieldInput key={key} {...fieldProps(key)} />
              ),
            )}
          </fieldset>
        ))}
        {!readOnly ? (
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? "Sending…" : "Send campaign for review"}
            </Button>
            <p className="text-sm text-slate-600" data-testid="findings-count">
              {findingCount
                ? `${findingCount} piece${findingCount === 1 ? "" : "s"} of advice above: fixing them now avoids a rejection and a new vetting fee.`
                : "Our team reviews it before it goes to Twilio."}
            </p>
          </div>
        ) : null}
      </form>
    </div>
  );
}

function StatusNotice({
  status,
  submittedAt,
  twilioStatus,
}: {
  status: CampaignSnapshot["status"];
  submittedAt: string | null;
  twilioStatus: string | null;
}) {
  if (status === "SUBMITTED")
    return (
      <Alert tone="info" title="Sent for review">
        {submittedAt ? `You sent this campaign on ${formatDateTime(submittedAt)}. ` : ""}
        Our team is reviewing it; we will let you know if anything needs to change.
      </Alert>
    );
  if (status === "APPROVED")
    return (
      <Alert tone={twilioStatus?.toUpperCase() === "VERIFIED" ? "success" : "info"} title="Approved by our team">
        <span data-testid="campaign-twilio-status">
          {twilioStatus
            ? `Status at Twilio: ${campaignStatusLabel(twilioStatus)}.`
            : "It is being registered with Twilio now."}
        </span>{" "}
        Campaign vetting is manual and usually takes two to three weeks.
      </Alert>
    );
  return null;
}
