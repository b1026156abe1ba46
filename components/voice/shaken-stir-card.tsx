"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";

import { StatusPill } from "@/components/dashboard/status-pill";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { bundleStatusLabel } from "@/lib/dashboard/status-labels";
import { requestShakenStirAction } from "@/lib/server/actions/voice-actions";
import type { ShakenStirView } from "@/lib/voice/views";

/**
 * SHAKEN/STIR for the customer's calls: tick the numbers that place calls, submit; the portal
 * assigns them to the Secondary Customer Profile and to one SHAKEN/STIR Trust Product (seed 002).
 * Numbers already chosen stay ticked; a number added later joins the same trust product.
 */
export function ShakenStirCard({ applicationId, view }: { applicationId: string; view: ShakenStirView }) {
  const router = useRouter();
  const [state, action, pending] = useActionState(requestShakenStirAction, null);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  const fieldError = state && !state.ok ? state.fieldErrors.phoneNumberSids?.[0] : undefined;
  return (
    <div className="space-y-3 text-sm" data-testid="shaken-stir">
      {view.trustProduct ? (
        <p>
          Trust product:{" "}
          <StatusPill status={view.trustProduct.status} label={bundleStatusLabel(view.trustProduct.status)} />{" "}
          <span className="font-mono text-xs text-slate-600">{view.trustProduct.sid}</span>
        </p>
      ) : null}
      {view.notYet ? <p className="text-slate-600">{view.notYet}</p> : null}
      {view.problems.some((problem) => !problem.phoneNumberSid) ? (
        <Alert tone="warning" title="Twilio's evaluation found problems">
          <ul className="list-disc pl-5">
            {view.problems
              .filter((problem) => !problem.phoneNumberSid)
              .map((problem, index) => (
                <li key={index}>
                  {problem.message}
                  {problem.code ? ` (error ${problem.code})` : ""}
                </li>
              ))}
          </ul>
        </Alert>
      ) : null}
      {view.error ? <Alert tone="warning">{view.error}</Alert> : null}
      {state?.ok ? <Alert tone="success">Queued: the numbers are being registered for SHAKEN/STIR.</Alert> : null}
      {state && !state.ok && !fieldError ? <Alert tone="error">{state.formError}</Alert> : null}
      {!view.notYet ? (
        <form action={action} className="space-y-3">
          <input type="hidden" name="applicationId" value={applicationId} />
          <fieldset aria-describedby={fieldError ? "shaken-stir-error" : undefined}>
            <legend className="font-medium text-slate-800">Numbers that place calls</legend>
            <ul className="mt-2 space-y-1">
              {view.numbers.map((number) => (
                <li key={number.phoneNumberSid} className="flex flex-wrap items-center justify-between gap-2">
                  <label className="flex items-center gap-2">
                    <input
                      type="checkbox"
                      name="phoneNumberSids"
                      value={number.phoneNumberSid}
                      defaultChecked={number.chosen}
                      disabled={number.chosen}
                    />
                    <span className="font-mono">{number.phoneNumber}</span>
                  </label>
                  <span className="text-xs text-slate-600">
                    {number.assigned ? "Assigned" : number.chosen ? "Being assigned" : ""}
                  </span>
                  {view.problems
                    .filter((problem) => problem.phoneNumberSid === number.phoneNumberSid)
                    .map((problem, index) => (
                      <span key={index} role="note" className="basis-full text-xs text-red-700">
                        {problem.message}
                        {problem.code ? ` (error ${problem.code})` : ""}
                      </span>
                    ))}
                </li>
              ))}
            </ul>
            {fieldError ? (
              <p id="shaken-stir-error" className="mt-1 text-red-700">
                {fieldError}
              </p>
            ) : null}
          </fieldset>
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Submitting…" : "Register for SHAKEN/STIR"}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
