/**
 * The approval funnel as bars. The numbers are in the text, so the chart reads the same to a screen
 * reader as it looks.
 */
export function ApprovalFunnel({ steps }: { steps: { label: string; count: number }[] }) {
  const top = Math.max(1, steps[0]?.count ?? 1);
  return (
    <ol className="space-y-2" aria-label="Approval funnel" data-testid="approval-funnel">
      {steps.map((step) => (
        <li key={step.label} className="grid grid-cols-[9rem_1fr_3.5rem] items-center gap-3 text-sm">
          <span className="text-slate-700">{step.label}</span>
          <span className="h-3 rounded bg-slate-100" aria-hidden>
            <span className="block h-3 rounded bg-brand-600" style={{ width: `${(step.count / top) * 100}%` }} />
          </span>
          <span className="text-right font-medium tabular-nums text-slate-900">
            {step.count.toLocaleString("en-US")}
          </span>
        </li>
      ))}
    </ol>
  );
}
