"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { InlineFormError } from "@/components/ui/inline-form-error";
import { MAX_SENDERS_PER_SERVICE, SENDER_STATE_LABEL } from "@/lib/campaign/sender-pool";
import type { SenderNumberView } from "@/lib/campaign/views";
import { addSenderNumberAction, removeSenderNumberAction } from "@/lib/server/actions/campaign-actions";

const STATE_CLASS: Record<SenderNumberView["a2p"], string> = {
  registered: "bg-emerald-100 text-emerald-800",
  registering: "bg-brand-50 text-brand-700",
  failed: "bg-red-100 text-red-800",
  deregistering: "bg-slate-100 text-slate-600",
  waiting: "bg-brand-50 text-brand-700",
  "not-in-pool": "bg-slate-100 text-slate-600",
};

/**
 * The account's phone numbers and which of them send for the customer's Messaging Service: in the
 * pool and registered for A2P once the campaign is verified, or waiting for it. Those allowed add
 * and remove numbers (Twilio's cap of 400 a service); each button is a form that posts without
 * JavaScript too.
 */
export function SenderNumbers({
  applicationId,
  numbers,
  canManage,
  error,
}: {
  applicationId: string;
  numbers: SenderNumberView[];
  canManage: boolean;
  error: string | null;
}) {
  const inPool = numbers.filter((number) => number.inPool).length;
  return (
    <div className="space-y-3" data-testid="sender-numbers">
      {error ? <Alert tone="warning">{error}</Alert> : null}
      {numbers.length === 0 ? (
        <p className="text-sm text-slate-600">
          {canManage ? "This account has no phone numbers yet." : "No sender numbers yet."}
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {numbers.map((number) => (
            <li key={number.phoneNumberSid} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span className="font-mono">{number.phoneNumber}</span>
              <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATE_CLASS[number.a2p]}`}>
                {SENDER_STATE_LABEL[number.a2p]}
              </span>
              {number.failure ? (
                <span className="w-full text-xs text-red-700" data-testid="sender-failure">
                  {number.failure.url ? (
                    <a href={number.failure.url} className="underline" target="_blank" rel="noreferrer">
                      {number.failure.text}
                    </a>
                  ) : (
                    number.failure.text
                  )}
                  : this number cannot send under the campaign until it is registered. Your provider can remove it and
                  add it again, or choose another number.
                </span>
              ) : null}
              {canManage ? (
                <SenderButton
                  key={`${number.phoneNumberSid}:${number.inPool}`}
                  applicationId={applicationId}
                  number={number}
                  full={!number.inPool && inPool >= MAX_SENDERS_PER_SERVICE}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <p className="text-xs text-slate-500">
        {inPool} of at most {MAX_SENDERS_PER_SERVICE} numbers in the Messaging Service. Each number registers for A2P on
        its own once the campaign is verified.
      </p>
    </div>
  );
}

function SenderButton({
  applicationId,
  number,
  full,
}: {
  applicationId: string;
  number: SenderNumberView;
  full: boolean;
}) {
  const router = useRouter();
  const [state, action, pending] = useActionState(
    number.inPool ? removeSenderNumberAction : addSenderNumberAction,
    null,
  );
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="phoneNumberSid" value={number.phoneNumberSid} />
      <Button
        type="submit"
        variant={number.inPool ? "ghost" : "secondary"}
        disabled={pending || full}
        aria-label={`${number.inPool ? "Remove" : "Add"} ${number.phoneNumber} ${number.inPool ? "from" : "to"} the sender pool`}
      >
        {number.inPool ? "Remove" : "Add as sender"}
      </Button>
      <InlineFormError state={state} />
    </form>
  );
}
