"use client";

import { useActionState, useEffect } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { refreshLiveQuery } from "@/components/use-live-query";
import { retryProvisioningAction } from "@/lib/server/actions/review-actions";

/**
 * Runs a stopped provisioning job again; what Twilio already holds is reused, nothing is created
 * twice. The button shows while the job is stopped; the answer stays after the job moves on (the
 * worker may pick it up before the page refetches).
 */
export function RetryProvisioningForm({ applicationId, stopped }: { applicationId: string; stopped: boolean }) {
  const [state, action, pending] = useActionState(retryProvisioningAction, null);
  useEffect(() => {
    if (state?.ok) refreshLiveQuery(["provisioning", applicationId]);
  }, [state, applicationId]);
  if (!stopped && !state) return null;
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="applicationId" value={applicationId} />
      {stopped ? (
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Retrying…" : "Retry provisioning"}
        </Button>
      ) : null}
      {state && !state.ok ? <Alert tone="error">{state.formError}</Alert> : null}
      {state?.ok ? (
        <Alert tone="success">Provisioning queued again. It resumes from what Twilio already has.</Alert>
      ) : null}
    </form>
  );
}
