"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import type { Resolver } from "react-hook-form";

import { AutosaveConflict } from "@/components/forms/draft-conflict-alert";
import { SaveStatusView } from "@/components/forms/save-status-view";
import { useAutosavedForm } from "@/components/forms/use-autosaved-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";
import { tollfreeStatusLabel } from "@/lib/dashboard/status-labels";
import { saveTollfreeDraftAction, submitTollfreeAction } from "@/lib/server/actions/tollfree-actions";
import { emptyTollfreeDraft, type TollfreeDraft } from "@/lib/tollfree/draft-values";
import { tollfreeField, type TollfreeFieldKey } from "@/lib/tollfree/fields";
import type { TollfreeAtTwilio, TollfreePageData, TollfreeSnapshot } from "@/lib/tollfree/views";

import { TollfreeFieldInput, type TollfreeValues } from "./tollfree-field-input";

/** The schema and zod load at the form's first check, not with the page (as the campaign form's). */
let checks: Promise<typeof import("./tollfree-validation")> | null = null;
const loadChecks = () =>
  (checks ??= import("./tollfree-validation").catch((error: unknown) => {
    checks = null;
    throw error;
  }));
const resolver: Resolver<TollfreeValues> = async (values, context, options) =>
  (await loadChecks()).tollfreeResolver<TollfreeValues>()(values, context, options);

const SECTIONS: { title: string; description?: string; keys: TollfreeFieldKey[] }[] = [
  {
    title: "Your business",
    description: "As registered. We filled in what you told us before; check it is still right.",
    keys: [
      "businessName",
      "doingBusinessAs",
      "businessWebsite",
      "businessType",
      "businessRegistrationAuthority",
      "businessRegistrationNumber",
      "businessRegistrationCountry",
    ],
  },
  {
    title: "Business address",
    keys: [
      "businessStreetAddress",
      "businessStreetAddress2",
      "businessCity",
      "businessStateProvinceRegion",
      "businessPostalCode",
      "businessCountry",
    ],
  },
  {
    title: "Contact",
    keys: [
      "businessContactFirstName",
      "businessContactLastName",
      "businessContactEmail",
      "businessContactPhone",
      "notificationEmail",
    ],
  },
  {
    title: "Your messages",
    keys: ["useCaseCategories", "useCaseSummary", "productionMessageSample", "messageVolume"],
  },
  {
    title: "How people opt in",
    keys: ["optInType", "optInImageUrls", "optInKeywords", "optInConfirmationMessage", "helpMessageSample"],
  },
  {
    title: "Policies and more",
    keys: ["privacyPolicyUrl", "termsAndConditionsUrl", "ageGatedContent", "additionalInformation"],
  },
];

/**
 * The customer's toll-free verification for one number: every field under the shared schema, saved
 * as typed, with staff comments and Twilio's rejection reasons next to the answers they concern.
 */
export function TollfreeForm({ snapshot, twilio, comments, savedFieldErrors }: TollfreePageData) {
  const router = useRouter();
  const readOnly = !["DRAFT", "CHANGES_REQUESTED"].includes(snapshot.status);
  const phoneNumberSid = snapshot.phoneNumberSid;
  const save = useCallback(
    (draft: TollfreeDraft, expectedVersion: number) =>
      saveTollfreeDraftAction({ phoneNumberSid, expectedVersion, draft }),
    [phoneNumberSid],
  );
  const { form, saveState, saveNow, resolveConflict, currentVersion, tookNewer } = useAutosavedForm<
    TollfreeDraft,
    TollfreeSnapshot,
    TollfreeValues
  >({ snapshot, save, resolver, empty: emptyTollfreeDraft, readOnly });
  const [formError, setFormError] = useState<string | null>(null);
  // Saved answers show what still needs fixing straight away.
  useEffect(() => {
    if (!readOnly && snapshot.version > 1)
      for (const [field, message] of Object.entries(savedFieldErrors))
        if (tollfreeField(field)) form.setError(field as TollfreeFieldKey, { type: "saved", message });
    // Only when the page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const submit = form.handleSubmit(async () => {
    setFormError(null);
    if (!(await saveNow())) {
      setFormError("Your latest changes are not saved yet, so nothing was sent. See the status above.");
      return;
    }
    let result: Awaited<ReturnType<typeof submitTollfreeAction>>;
    try {
      result = await submitTollfreeAction({ phoneNumberSid, expectedVersion: currentVersion() });
    } catch {
      setFormError("We could not reach the server. Your answers are saved; please try again.");
      return;
    }
    if (result.ok) {
      router.refresh();
      return;
    }
    setFormError(result.formError ?? "The verification was not sent.");
    Object.entries(result.fieldErrors).forEach(([field, messages], index) =>
      form.setError(field as TollfreeFieldKey, { type: "server", message: messages[0] }, { shouldFocus: index === 0 }),
    );
  });

  const general = comments.general ?? [];
  return (
    <div className="space-y-6">
      <StatusNotice snapshot={snapshot} twilio={twilio} />
      {general.length && !readOnly ? (
        <Alert tone="warning" title="Also to fix">
          <ul className="list-disc pl-5">
            {general.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <AutosaveConflict
        noun="verification"
        saveState={saveState}
        resolveConflict={resolveConflict}
        onTookNewer={tookNewer}
      />
      {!readOnly ? (
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <p className="text-sm text-slate-600">Fields are Twilio&apos;s. Your answers are saved as you type.</p>
          <SaveStatusView saveState={saveState} onRetry={() => void saveNow()} />
        </div>
      ) : null}
      <form
        method="post"
        onSubmit={submit}
        onFocusCapture={() => void loadChecks().catch(() => undefined)}
        noValidate
        className="space-y-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm sm:p-6"
        aria-label={`Toll-free verification for ${snapshot.phoneNumber}`}
      >
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        {SECTIONS.map((section) => (
          <fieldset key={section.title} className="space-y-4 border-b border-slate-100 pb-6 last:border-0">
            <legend className="text-base font-semibold text-slate-900">{section.title}</legend>
            {section.description ? <p className="-mt-2 text-sm text-slate-600">{section.description}</p> : null}
            {section.keys.map((key) => (
              <TollfreeFieldInput key={key} field={tollfreeField(key)!} form={form} note={comments[key]?.join(" ")} />
            ))}
          </fieldset>
        ))}
        {!readOnly ? (
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? "Sending…" : "Send for review"}
            </Button>
            <p className="text-sm text-slate-600">Our team reviews it before it goes to Twilio.</p>
          </div>
        ) : null}
      </form>
    </div>
  );
}

function StatusNotice({ snapshot, twilio }: { snapshot: TollfreeSnapshot; twilio: TollfreeAtTwilio | null }) {
  const atTwilio = twilio ? (
    <span data-testid="tollfree-twilio-status">Status at Twilio: {tollfreeStatusLabel(twilio.status)}.</span>
  ) : null;
  if (snapshot.status === "CHANGES_REQUESTED" && twilio?.status === "TWILIO_REJECTED")
    return (
      <Alert tone="warning" title="Twilio did not approve this verification">
        {twilio.windowOpen ? (
          <>
            Fix the answers marked below
            {twilio.editExpiration ? ` before ${formatDateTime(twilio.editExpiration)}` : ""} and send it again: Twilio
            then reviews the same verification again, first in line.
          </>
        ) : (
          <>
            Twilio&apos;s seven days to fix it have passed (or its reasons allow no fix). Your corrected answers go to
            Twilio as a new verification, which waits in Twilio&apos;s standard queue: it takes longer than a fix within
            the seven days.
          </>
        )}{" "}
        {twilio.rejections.some((rejection) => rejection.url) ? (
          <span className="block pt-1">
            Twilio&apos;s reasons:{" "}
            {twilio.rejections.map((rejection, index) => (
              <span key={rejection.text}>
                {index ? "; " : ""}
                {rejection.url ? (
                  <a href={rejection.url} className="underline" target="_blank" rel="noreferrer">
                    {rejection.text}
                  </a>
                ) : (
                  rejection.text
                )}
              </span>
            ))}
          </span>
        ) : null}
      </Alert>
    );
  if (snapshot.status === "SUBMITTED")
    return (
      <Alert tone="info" title="Sent for review">
        {snapshot.submittedAt ? `You sent it on ${formatDateTime(snapshot.submittedAt)}. ` : ""}
        Our team is reviewing it; we will let you know if anything needs to change.
      </Alert>
    );
  if (snapshot.status === "APPROVED")
    return (
      <Alert tone={twilio?.status === "TWILIO_APPROVED" ? "success" : "info"} title="Approved by our team">
        {atTwilio ?? "It is being sent to Twilio now."} Twilio usually reviews toll-free verifications within three
        business days.
      </Alert>
    );
  return null;
}
