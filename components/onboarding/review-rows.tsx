import type { ReviewRow } from "@/lib/onboarding/review-sections";

/** One section of an application as a definition list, as customers and staff both review it. */
export function ReviewRows({ rows }: { rows: ReviewRow[] }) {
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[minmax(0,14rem)_1fr]">
      {rows.map((row) => (
        <div key={row.label} className="contents">
          <dt className="text-slate-600">{row.label}</dt>
          <dd className="break-words text-slate-900">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
