"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { Fee } from "@/lib/campaign/twilio-fees";
import { approveApplicationAction, requestChangesAction } from "@/lib/server/actions/review-actions";

import { FeeNotice } from "./fee-notice";
import { RequestChangesFieldset, type FieldComment } from "./request-changes-fieldset";

type FieldOption = { value: string; label: string };

/** Approve and provision, or send back with comments on specific fields. */
export function ReviewActions({
  applicationId,
  fields,
  fees,
  resubmission,
}: {
  applicationId: string;
  fields: FieldOption[];
  /** What the brand registration will cost. */
  fees: Fee[];
  /** A failed brand waits to be resubmitted: approving sends attempt n of the limit. */
  resubmission?: { attempt: number; limit: number } | null;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  async function approve() {
    setBusy(true);
    const result = await approveApplicationAction({ applicationId });
    setBusy(false);
    setMessage(
      result.ok
        ? {
            tone: "success",
            text: result.data.started
              ? "Approved. Provisioning at Twilio has started."
              : "Already approved by a colleague.",
          }
        : { tone: "error", text: result.formError ?? "Could not approve." },
    );
    router.refresh();
  }

  async function sendBack(comments: FieldComment[]) {
    setBusy(true);
    const result = await requestChangesAction({ applicationId, comments });
    setBusy(false);
    setMessage(
      result.ok
        ? { tone: "success", text: "Sent back to the customer with your comments." }
        : { tone: "error", text: result.formError ?? "Could not send the comments." },
    );
    if (result.ok) router.refresh();
    return result;
  }

  return (
    <div className="space-y-5">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="space-y-2">
        <Button onClick={() => void approve()} disabled={busy}>
          Approve and provision
        </Button>
        <p className="text-xs text-slate-500">
          Creates the Secondary Customer Profile, A2P Trust Product, Brand and Messaging Service at Twilio.
        </p>
        {resubmission ? (
          <p className="rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-700" data-testid="fee-notice">
            Resubmits the same brand (attempt {resubmission.attempt} of {resubmission.limit}) once Trust Hub has
            approved the updated profile. Twilio publishes no fee for a resubmission; the registration fee was recorded
            once.
          </p>
        ) : (
          <FeeNotice
            action="Registering the brand"
            fees={fees}
            // No fee for a brand only when the portal registers mock brands (Twilio's mock brand guide).
            whyFree="brands are registered as Twilio mock brands, which cost nothing"
          />
        )}
      </div>
      <RequestChangesFieldset idPrefix="comment" fields={fields} busy={busy} send={sendBack} />
    </div>
  );
}
