"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { formatDateTime } from "@/components/ui/format";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import type { CampaignFieldKey } from "@/lib/campaign/fields";
import type { Fee } from "@/lib/campaign/twilio-fees";
import {
  approveCampaignAction,
  editCampaignFieldAction,
  requestCampaignChangesAction,
} from "@/lib/server/actions/campaign-actions";

import { FeeNotice } from "./fee-notice";
import { RequestChangesFieldset, type FieldComment } from "./request-changes-fieldset";

type FieldOption = { value: string; label: string };

/**
 * Staff decide on a campaign waiting for review: approve (a reason is required to approve over the
 * pre-submission findings; a changed use case needs consent to a new vetting fee), or send it back
 * with comments on fields. The approve form posts before the page hydrates.
 */
export function CampaignDecision({
  applicationId,
  status,
  approvedAt,
  findingCount,
  withinLimits,
  approval,
  fields,
}: {
  applicationId: string;
  /** The page's view of the campaign; after approval the answer stays above what the page now says. */
  status: "SUBMITTED" | "APPROVED";
  approvedAt: string | null;
  findingCount: number;
  withinLimits: boolean;
  approval: { kind: "create" | "update" | "replace"; fees: Fee[]; whyFree?: string; replaceReason?: string };
  fields: FieldOption[];
}) {
  const router = useRouter();
  const [state, action, pending] = useActionState(approveCampaignAction, null);
  const [busy, setBusy] = useState(false);
  const [sentBack, setSentBack] = useState<string | null>(null);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);

  async function sendBack(comments: FieldComment[]) {
    setBusy(true);
    const result = await requestCampaignChangesAction({
      applicationId,
      comments: comments as { field: CampaignFieldKey; message: string }[],
    });
    setBusy(false);
    setSentBack(result.ok ? null : (result.formError ?? "Could not send the comments."));
    if (result.ok) router.refresh();
    return result;
  }

  return (
    <div className="space-y-5">
      {state?.ok ? (
        <Alert tone="success">
          {state.data.started
            ? "Campaign approved. It is being registered with Twilio."
            : "Already approved by a colleague."}
        </Alert>
      ) : null}
      {state && !state.ok ? <Alert tone="error">{state.formError}</Alert> : null}
      {sentBack ? <Alert tone="error">{sentBack}</Alert> : null}
      {status === "APPROVED" ? (
        <p className="text-sm text-slate-700">
          Approved{approvedAt ? ` on ${formatDateTime(approvedAt)}` : ""}. The campaign&apos;s progress at Twilio is
          shown under Twilio provisioning and on the campaign card.
        </p>
      ) : null}
      {status === "SUBMITTED" ? (
        <form action={action} className="space-y-3">
          <input type="hidden" name="applicationId" value={applicationId} />
          {!withinLimits ? (
            <Alert tone="error">
              This campaign is outside Twilio&apos;s limits and cannot be approved: request changes.
            </Alert>
          ) : null}
          {findingCount ? (
            <TextAreaField
              name="overrideReason"
              label="Reason to approve despite the findings"
              hint={`The review found ${findingCount} likely cause${findingCount === 1 ? "" : "s"} of rejection (shown next to the fields). Approving anyway needs a reason; it is recorded.`}
              rows={2}
              defaultValue={state?.values?.overrideReason ?? ""}
            />
          ) : null}
          {approval.kind === "replace" ? (
            <CheckboxField
              name="acceptNewVettingFee"
              label="I accept a new vetting fee"
              hint={
                approval.replaceReason ??
                "Twilio cannot update this change, so the campaign will be deleted and registered again, vetted and charged anew."
              }
            />
          ) : null}
          <FeeNotice
            action={
              approval.kind === "create"
                ? "Registering the campaign"
                : approval.kind === "update"
                  ? "Updating the failed campaign (it is vetted again)"
                  : "Registering the campaign again"
            }
            fees={approval.fees}
            {...(approval.whyFree ? { whyFree: approval.whyFree } : {})}
          />
          <Button type="submit" disabled={pending || !withinLimits}>
            {pending ? "Approving…" : "Approve campaign"}
          </Button>
        </form>
      ) : null}
      {status === "SUBMITTED" ? (
        <RequestChangesFieldset idPrefix="campaign-comment" fields={fields} busy={busy} send={sendBack} />
      ) : null}
    </div>
  );
}

/** A staff correction of one campaign field while it waits for review; recorded in the history. */
export function CampaignFieldCorrection({ applicationId, fields }: { applicationId: string; fields: FieldOption[] }) {
  const router = useRouter();
  const [state, action, pending] = useActionState(editCampaignFieldAction, null);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  const valueError = state && !state.ok ? state.fieldErrors.value?.[0] : undefined;
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="applicationId" value={applicationId} />
      {state?.ok ? <Alert tone="success">Field updated.</Alert> : null}
      {state && !state.ok && !valueError ? <Alert tone="error">{state.formError}</Alert> : null}
      <SelectField
        name="field"
        label="Campaign field to correct"
        options={fields}
        defaultValue={state?.values?.field ?? ""}
        error={state && !state.ok ? state.fieldErrors.field?.[0] : undefined}
      />
      <TextAreaField
        name="value"
        label="New value"
        hint='For the yes/no fields, write "yes" or "no".'
        rows={2}
        defaultValue={state?.values?.value ?? ""}
        error={valueError}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        Save correction
      </Button>
    </form>
  );
}
