import Link from "next/link";

import { dashboardSearch, type DashboardQuery } from "@/lib/dashboard/query";
import { STAGE_IDS, STAGES, type StageId } from "@/lib/dashboard/stages";

/** Customers per stage; each count filters the list to its stage. */
export function StageCounts({
  counts,
  attentionCount,
  query,
}: {
  counts: Record<StageId, number>;
  attentionCount: number;
  query: DashboardQuery;
}) {
  const link = (stage: string | undefined) => `/staff${dashboardSearch({ ...query, stage, page: 1 })}`;
  const chip = (label: string, count: number, stage: string | undefined, highlight = false) => {
    const current = query.stage === stage;
    return (
      <li key={label}>
        <Link
          href={link(current ? undefined : stage)}
          aria-current={current ? "true" : undefined}
          className={`flex items-center justify-between gap-3 rounded-md border px-3 py-2 text-sm hover:border-brand-600 ${current ? "border-brand-600 bg-brand-50" : "border-slate-200 bg-white"} ${highlight && count ? "text-amber-900" : "text-slate-700"}`}
        >
          <span>{label}</span>
          <span className="font-semibold tabular-nums">{count.toLocaleString("en-US")}</span>
        </Link>
      </li>
    );
  };
  return (
    <ul className="grid gap-2 sm:grid-cols-2" aria-label="Customers per stage" data-testid="stage-counts">
      {chip("Needs attention", attentionCount, "attention", true)}
      {STAGE_IDS.map((stage) => chip(STAGES[stage].label, counts[stage], stage))}
    </ul>
  );
}
