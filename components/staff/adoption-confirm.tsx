"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { AdoptionCustomerView } from "@/lib/adoption/views";
import { confirmAdoptionAction } from "@/lib/server/actions/adoption-actions";

const HEADERS = ["Customer", "Account", "Profile", "Brand", "Campaign", "Numbers", "In the portal"] as const;

/** The customers a scan found, as a table; while the scan waits for staff, each row has its decision. */
export function AdoptionCustomers({
  runId,
  customers,
  confirming,
  organizationNames = [],
}: {
  runId: string;
  customers: AdoptionCustomerView[];
  /** True while the scan waits for staff to confirm: the table is a form posting their decisions. */
  confirming: boolean;
  /** Customers without a registration yet: a found customer may be brought into one of them instead. */
  organizationNames?: string[];
}) {
  const [state, confirm, sending] = useActionState(confirmAdoptionAction, null);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  const errors = state && !state.ok ? state.fieldErrors : {};
  // A refused confirmation keeps every choice and name staff made (the form resets to these).
  const values = state && !state.ok ? (state.values ?? {}) : {};
  const table = (
    <div className="mt-3 overflow-x-auto">
      <table className="w-full text-left text-sm" aria-label="Customers found at Twilio">
        <thead className="text-slate-600">
          <tr>
            {HEADERS.map((header) => (
              <th key={header} scope="col" className="py-1 pr-3 font-medium">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {customers.map((customer) => (
            <tr key={customer.id}>
              <th scope="row" className="py-1 pr-3 font-medium">
                {customer.name}
              </th>
              <td className="py-1 pr-3 font-mono text-xs">
                {customer.ownsAccount ? customer.accountSid : "your account"}
              </td>
              <td className="py-1 pr-3">{customer.customerProfile.status}</td>
              <td className="py-1 pr-3">{customer.brand?.status ?? "none"}</td>
              <td className="py-1 pr-3">{customer.campaign?.status ?? "none"}</td>
              <td className="py-1 pr-3 tabular-nums">{customer.phoneNumbers.length}</td>
              <td className="py-1">
                {confirming ? (
                  <DecisionSelect
                    customer={customer}
                    error={errors[`organization:${customer.id}`]?.[0]}
                    decision={values[`decision:${customer.id}`]}
                    organization={values[`organization:${customer.id}`]}
                  />
                ) : (
                  <Outcome customer={customer} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  const answer = (
    <>
      {state && !state.ok && state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      {state?.ok ? (
        <Alert tone="success">
          {state.data.confirmed} customers are being brought in; {state.data.leftOut} left out; {state.data.known}{" "}
          already in the portal.
        </Alert>
      ) : null}
    </>
  );
  // Once confirmed, the table shows each customer's outcome; the answer stays above it.
  if (!confirming)
    return (
      <div className="space-y-3">
        {answer}
        {table}
      </div>
    );
  return (
    <form action={confirm} className="space-y-3">
      <input type="hidden" name="runId" value={runId} />
      <datalist id="adoptable-organizations">
        {organizationNames.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <p className="text-sm text-slate-600">
        Check each customer&apos;s organization, then bring them in: each appears in the portal as if the portal had
        registered it, with its profile, brand, campaign and numbers recorded, so later fixes update them. Nothing is
        created or paid for at Twilio.
      </p>
      {table}
      {answer}
      <Button type="submit" disabled={sending}>
        {sending ? "Confirming…" : "Bring these customers in"}
      </Button>
    </form>
  );
}

function DecisionSelect({
  customer,
  error,
  decision,
  organization,
}: {
  customer: AdoptionCustomerView;
  error?: string;
  /** What staff chose before a refused confirmation. */
  decision?: string;
  organization?: string;
}) {
  if (customer.match?.by === "portal") return <span>Already in the portal ({customer.match.name})</span>;
  const other = `organization-${customer.id}`;
  return (
    <div className="space-y-1">
      <select
        // A select takes a new default only when mounted: remounted with what staff chose before.
        key={decision ?? "proposed"}
        name={`decision:${customer.id}`}
        aria-label={`What to do with ${customer.name}`}
        defaultValue={decision ?? (customer.match ? "match" : "new")}
        className="rounded border border-slate-300 px-2 py-1 text-sm"
      >
        {customer.match ? (
          <option value="match">
            Bring in as {customer.match.name} (matched by {customer.match.by})
          </option>
        ) : null}
        <option value="new">Bring in as a new customer</option>
        <option value="other">Bring in as another customer (named below)</option>
        <option value="leave">Leave out</option>
      </select>
      <div>
        <label htmlFor={other} className="sr-only">
          Another customer for {customer.name}
        </label>
        <input
          id={other}
          name={`organization:${customer.id}`}
          list="adoptable-organizations"
          defaultValue={organization ?? ""}
          placeholder="Another customer's name"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${other}-error` : undefined}
          className="w-full rounded border border-slate-300 px-2 py-1 text-xs"
        />
        {error ? (
          <p id={`${other}-error`} role="alert" className="text-xs text-red-700">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function Outcome({ customer }: { customer: AdoptionCustomerView }) {
  const link = (text: string) =>
    customer.organizationId ? (
      <Link href={`/staff/customers/${customer.organizationId}`} className="text-brand-700 underline">
        {text}
      </Link>
    ) : (
      text
    );
  switch (customer.state) {
    case "ADOPTED":
      return link("Brought in");
    case "KNOWN":
      return link("Already in the portal");
    case "LEFT_OUT":
      return <span>Left out</span>;
    case "FAILED":
      return <span className="text-red-700">Not brought in: {customer.error}</span>;
    case "CONFIRMED":
      return <span>{customer.error ? `Waiting (last try: ${customer.error})` : "Being brought in…"}</span>;
    default:
      return <span>{customer.match ? `${customer.match.name} (by ${customer.match.by})` : "new"}</span>;
  }
}
