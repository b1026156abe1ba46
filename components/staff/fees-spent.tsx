import { formatDateTime } from "@/components/ui/format";
import { formatUsd } from "@/lib/campaign/twilio-fees";
import type { ChargeSummary } from "@/lib/server/billing/twilio-charges";

/** What this customer's registration has cost the ISV at Twilio so far, and monthly from now on. */
export function FeesSpent({ charges }: { charges: ChargeSummary }) {
  if (!charges.items.length) return <p className="text-sm text-slate-600">No Twilio fees yet.</p>;
  return (
    <div className="space-y-2 text-sm" data-testid="fees-spent">
      <ul className="divide-y divide-slate-100">
        {charges.items.map((item, index) => (
          <li key={index} className="flex justify-between gap-3 py-1">
            <span>
              {item.label} <span className="text-xs text-slate-500">{formatDateTime(item.at)}</span>
            </span>
            <span className="font-medium">
              {formatUsd(item.amountUsd)}
              {item.recurrence === "monthly" ? " / month" : ""}
            </span>
          </li>
        ))}
      </ul>
      <p className="flex justify-between border-t border-slate-200 pt-2 font-semibold" data-testid="fees-total">
        <span>Spent so far</span>
        <span>{formatUsd(charges.oneTimeUsd)}</span>
      </p>
      {charges.monthlyUsd ? (
        <p className="flex justify-between text-slate-700">
          <span>Monthly while the campaign is registered</span>
          <span>{formatUsd(charges.monthlyUsd)} / month</span>
        </p>
      ) : null}
      <p className="text-xs text-slate-500">
        Estimates from Twilio&apos;s published fees; your Twilio invoice is final.
      </p>
    </div>
  );
}
