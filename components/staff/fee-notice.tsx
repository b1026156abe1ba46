import { formatUsd, type Fee } from "@/lib/campaign/twilio-fees";

/** What the next billable call will cost the ISV, shown next to the button that makes it. */
export function FeeNotice({ fees, action, whyFree }: { fees: Fee[]; action: string; whyFree?: string }) {
  if (!fees.length)
    return (
      <div className="rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-700" data-testid="fee-notice">
        <p className="font-medium text-slate-800">
          {action} incurs no Twilio fee{whyFree ? `: ${whyFree}` : ""}.
        </p>
      </div>
    );
  return (
    <div className="rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-700" data-testid="fee-notice">
      <p className="font-medium text-slate-800">{action} incurs Twilio fees:</p>
      <ul className="mt-1 space-y-0.5">
        {fees.map((fee) => (
          <li key={fee.event}>
            {fee.label}: <span className="font-semibold">{formatUsd(fee.amountUsd)}</span>
            {fee.recurrence === "monthly" ? " a month" : " once"}{" "}
            <span className="text-slate-500">
              ({fee.source}, {fee.asOf})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
