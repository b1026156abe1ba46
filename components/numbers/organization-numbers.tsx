"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { InlineFormError } from "@/components/ui/inline-form-error";
import type { OwnedNumberView } from "@/lib/numbers/schema";
import { assignNumberAction, unassignNumberAction } from "@/lib/server/actions/number-actions";

/**
 * A customer's phone numbers for staff: its own, and, for a customer in the ISV's own account, the
 * account's numbers nobody has yet, each with a button that gives it to this customer. A subaccount's
 * numbers are all its customer's and are not assigned one by one.
 */
export function OrganizationNumbers({
  organizationId,
  numbers,
  unassigned,
  subaccount,
  error,
}: {
  organizationId: string;
  numbers: OwnedNumberView[];
  unassigned: OwnedNumberView[];
  subaccount: boolean;
  error: string | null;
}) {
  return (
    <div className="space-y-4" data-testid="organization-numbers">
      {error ? <Alert tone="warning">{error}</Alert> : null}
      <section>
        <h3 className="text-sm font-semibold text-slate-800">This customer&apos;s numbers</h3>
        {numbers.length === 0 ? (
          <p className="text-sm text-slate-600">None yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {numbers.map((number) => (
              <NumberRow
                key={number.phoneNumberSid}
                organizationId={organizationId}
                number={number}
                give={false}
                canChange={!subaccount}
              />
            ))}
          </ul>
        )}
      </section>
      {subaccount ? (
        <p className="text-xs text-slate-500">Every number in this customer&apos;s subaccount is theirs.</p>
      ) : (
        <section>
          <h3 className="text-sm font-semibold text-slate-800">Unassigned numbers in your account</h3>
          {unassigned.length === 0 ? (
            <p className="text-sm text-slate-600">None: buy one below.</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {unassigned.map((number) => (
                <NumberRow key={number.phoneNumberSid} organizationId={organizationId} number={number} give canChange />
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}

function NumberRow({
  organizationId,
  number,
  give,
  canChange,
}: {
  organizationId: string;
  number: OwnedNumberView;
  give: boolean;
  canChange: boolean;
}) {
  const router = useRouter();
  const [state, action, pending] = useActionState(give ? assignNumberAction : unassignNumberAction, null);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2">
      <span className="font-mono">{number.phoneNumber}</span>
      {canChange ? (
        <form action={action} className="flex items-center gap-2">
          <input type="hidden" name="organizationId" value={organizationId} />
          <input type="hidden" name="phoneNumberSid" value={number.phoneNumberSid} />
          <Button
            type="submit"
            variant={give ? "secondary" : "ghost"}
            disabled={pending}
            aria-label={
              give
                ? `Give ${number.phoneNumber} to this customer`
                : `Take ${number.phoneNumber} back into your account's stock`
            }
          >
            {give ? "Give to this customer" : "Take back"}
          </Button>
          <InlineFormError state={state} />
        </form>
      ) : null}
    </li>
  );
}
