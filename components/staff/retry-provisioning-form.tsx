"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useActionState, useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { retryProvisioningAction } from "@/lib/server/actions/review-actions";

/** Runs a stopped provisioning job again; what Twilio already holds is reused, nothing is created twice. */
export function RetryProvisioningForm({ applicationId }: { applicationId: string }) {
  const [state, action, pending] = useActionState(retryProvisioningAction, null);
  const queryClient = useQueryClient();
  useEffect(() => {
    if (state?.ok) void queryClient.invalidateQueries({ queryKey: ["provisioning", applicationId] });
  }, [state, queryClient, applicationId]);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="applicationId" value={applicationId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Retrying…" : "Retry provisioning"}
      </Button>
      {state && !state.ok ? <Alert tone="error">{state.formError}</Alert> : null}
      {state?.ok ? (
        <Alert tone="success">Provisioning queued again. It resumes from what Twilio already has.</Alert>
      ) : null}
    </form>
  );
}
