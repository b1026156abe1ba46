"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { InlineFormError } from "@/components/ui/inline-form-error";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { NumberOffer } from "@/lib/numbers/schema";
import { buyNumberAction, searchNumbersAction } from "@/lib/server/actions/number-actions";

/**
 * Getting a number: local (an area code) or toll-free (a prefix, or any), then the numbers Twilio
 * offers with what one costs a month, each with its own Buy button. Both are forms posting to
 * server actions, so they work before the page hydrates; what was typed stays when it is refused.
 */
export function NumberSearch({
  organizationId,
  defaultKind = "local",
}: {
  organizationId: string;
  defaultKind?: "local" | "toll-free";
}) {
  const [state, search, searching] = useActionState(searchNumbersAction, null);
  const result = state?.ok ? state.data : null;
  return (
    <div className="space-y-3" data-testid="number-search">
      <form action={search} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="organizationId" value={organizationId} />
        <SelectField
          label="Kind of number"
          name="kind"
          placeholder=""
          options={[
            { value: "local", label: "Local" },
            { value: "toll-free", label: "Toll-free" },
          ]}
          defaultValue={state?.values?.kind ?? defaultKind}
          className="w-40"
        />
        <TextField
          label="Area code or toll-free prefix"
          name="areaCode"
          inputMode="numeric"
          autoComplete="off"
          maxLength={3}
          className="w-32"
          defaultValue={state?.values?.areaCode ?? ""}
          error={state && !state.ok ? state.fieldErrors.areaCode?.[0] : undefined}
        />
        <Button type="submit" variant="secondary" disabled={searching}>
          {searching ? "Searching…" : "Find numbers"}
        </Button>
      </form>
      {state && !state.ok && !state.fieldErrors.areaCode ? <Alert tone="error">{state.formError}</Alert> : null}
      {result ? (
        result.offers.length === 0 ? (
          <p className="text-sm text-slate-600" role="status">
            {result.kind === "toll-free"
              ? `Twilio has no toll-free numbers${result.areaCode ? ` under ${result.areaCode}` : ""} just now. Try another prefix.`
              : `Twilio has no local numbers in area code ${result.areaCode} just now. Try a nearby one.`}
          </p>
        ) : (
          <div className="space-y-2">
            <p className="text-sm text-slate-700" role="status">
              {result.monthlyPrice
                ? `Each number costs ${result.monthlyPrice}, billed by Twilio to your provider's account from the day it is bought.`
                : "Twilio's monthly price could not be read just now, so numbers cannot be bought. Search again in a moment."}
            </p>
            <ul className="divide-y divide-slate-100 text-sm">
              {result.offers.slice(0, 10).map((offer) => (
                <Offer
                  key={offer.phoneNumber}
                  organizationId={organizationId}
                  offer={offer}
                  price={result.monthlyPrice}
                />
              ))}
            </ul>
          </div>
        )
      ) : null}
    </div>
  );
}

function Offer({ organizationId, offer, price }: { organizationId: string; offer: NumberOffer; price: string | null }) {
  const router = useRouter();
  const [state, buy, buying] = useActionState(buyNumberAction, null);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2">
      <span className="font-mono">{offer.friendlyName}</span>
      <span className="text-slate-600">{offer.place}</span>
      {state?.ok ? (
        <span role="status" className="text-xs font-medium text-emerald-700">
          Bought: {state.data.monthlyPrice}
        </span>
      ) : (
        <form action={buy} className="flex items-center gap-2">
          <input type="hidden" name="organizationId" value={organizationId} />
          <input type="hidden" name="phoneNumber" value={offer.phoneNumber} />
          <Button
            type="submit"
            disabled={buying || !price}
            aria-label={`Buy ${offer.friendlyName} for ${price ?? "its monthly price"}`}
          >
            {buying ? "Buying…" : "Buy"}
          </Button>
          <InlineFormError state={state} />
        </form>
      )}
    </li>
  );
}
