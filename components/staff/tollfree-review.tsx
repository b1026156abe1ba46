"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";

import { StatusPill } from "@/components/dashboard/status-pill";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { ApplicationStatusBadge } from "@/components/ui/status-badge";
import { tollfreeStatusLabel } from "@/lib/dashboard/status-labels";
import { approveTollfreeAction, requestTollfreeChangesAction } from "@/lib/server/actions/tollfree-actions";
import type { TollfreeFieldKey } from "@/lib/tollfree/fields";
import type { TollfreeStaffView } from "@/lib/tollfree/views";

import { RequestChangesFieldset, type FieldComment } from "./request-changes-fieldset";

/**
 * One toll-free verification as staff review it: every answer with its notes (staff comments,
 * Twilio's reasons), where it stands at Twilio, and the decision while it waits for review.
 */
export function TollfreeReview({ verification }: { verification: TollfreeStaffView }) {
  return (
    <Card
      title={`Toll-free verification · ${verification.phoneNumber}`}
      description={
        verification.submittedAt
          ? `Sent ${formatDateTime(verification.submittedAt)} · version ${verification.version}`
          : "The customer is still writing it."
      }
      actions={
        <span data-testid="tollfree-status">
          <ApplicationStatusBadge status={verification.status} />
        </span>
      }
    >
      <div className="space-y-4" data-testid="tollfree-review">
        {verification.twilio ? (
          <div className="rounded-md bg-slate-50 px-3 py-2 text-sm" data-testid="tollfree-at-twilio">
            <p>
              At Twilio:{" "}
              <StatusPill status={verification.twilio.status} label={tollfreeStatusLabel(verification.twilio.status)} />{" "}
              <span className="font-mono text-xs text-slate-600">{verification.twilio.sid}</span>
              {verification.twilio.submission > 1 ? (
                <span className="text-slate-600"> · submission {verification.twilio.submission}</span>
              ) : null}
            </p>
            {verification.twilio.rejections.length ? (
              <ul className="mt-1 list-disc pl-5 text-red-800">
                {verification.twilio.rejections.map((rejection) => (
                  <li key={rejection.text}>{rejection.text}</li>
                ))}
              </ul>
            ) : null}
            {verification.twilio.status === "TWILIO_REJECTED" ? (
              <p className="mt-1 text-slate-700">
                {verification.twilio.windowOpen
                  ? `Twilio takes a fix of this verification${verification.twilio.editExpiration ? ` until ${formatDateTime(verification.twilio.editExpiration)}` : ""}.`
                  : "Twilio's window to fix it has closed: the next approval sends a new verification."}
              </p>
            ) : null}
          </div>
        ) : null}
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[minmax(0,12rem)_1fr]">
          {verification.rows.map((row) => (
            <div key={row.key} className="contents">
              <dt className="text-slate-600">{row.label}</dt>
              <dd className="break-words whitespace-pre-wrap text-slate-900">
                {row.value || <span className="text-slate-400">—</span>}
                {row.notes.map((note) => (
                  <span key={note} className="mt-1 block rounded bg-amber-50 px-2 py-1 text-amber-900">
                    {note}
                  </span>
                ))}
              </dd>
            </div>
          ))}
        </dl>
        {verification.status === "SUBMITTED" || verification.status === "APPROVED" ? (
          <TollfreeDecision verification={verification} />
        ) : null}
      </div>
    </Card>
  );
}

/** Approve (a form: it posts before the page hydrates) or send back with comments on fields. */
function TollfreeDecision({ verification }: { verification: TollfreeStaffView }) {
  const router = useRouter();
  const [state, action, pending] = useActionState(approveTollfreeAction, null);
  const [busy, setBusy] = useState(false);
  const [sentBack, setSentBack] = useState<string | null>(null);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);

  async function sendBack(comments: FieldComment[]) {
    setBusy(true);
    const result = await requestTollfreeChangesAction({
      verificationId: verification.id,
      comments: comments as { field: TollfreeFieldKey; message: string }[],
    });
    setBusy(false);
    setSentBack(result.ok ? null : (result.formError ?? "Could not send the comments."));
    if (result.ok) router.refresh();
    return result;
  }

  return (
    <div className="space-y-4 border-t border-slate-200 pt-4">
      {state?.ok ? (
        <Alert tone="success">
          {state.data.newSubmission
            ? "Approved. Twilio's window to fix the last one had closed: it goes to Twilio as a new verification."
            : "Approved. It is being sent to Twilio."}
        </Alert>
      ) : null}
      {state && !state.ok ? <Alert tone="error">{state.formError}</Alert> : null}
      {sentBack ? <Alert tone="error">{sentBack}</Alert> : null}
      {verification.status === "APPROVED" ? (
        state?.ok ? null : (
          <p className="text-sm text-slate-700">Approved by our team; Twilio&apos;s answer shows above.</p>
        )
      ) : (
        <>
          <ApproveForm verification={verification} action={action} pending={pending} />
          <RequestChangesFieldset
            idPrefix={`tollfree-${verification.id}`}
            fields={verification.fieldOptions}
            busy={busy}
            send={sendBack}
          />
        </>
      )}
    </div>
  );
}

function ApproveForm({
  verification,
  action,
  pending,
}: {
  verification: TollfreeStaffView;
  action: (formData: FormData) => void;
  pending: boolean;
}) {
  return (
    <form action={action}>
      <input type="hidden" name="verificationId" value={verification.id} />
      <input type="hidden" name="expectedVersion" value={verification.version} />
      <Button type="submit" disabled={pending}>
        {pending ? "Approving…" : `Approve toll-free verification of ${verification.phoneNumber}`}
      </Button>
    </form>
  );
}
