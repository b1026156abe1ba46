"use client";

import { LIVE_BUSY_MS, LIVE_QUIET_MS, useLiveQuery } from "@/components/use-live-query";
import type { CustomerProgress } from "@/lib/onboarding/progress-views";

const ICON = { done: "✓", current: "…", todo: "", failed: "!" } as const;
const STYLE = {
  done: "bg-emerald-600 text-white",
  current: "bg-brand-600 text-white",
  todo: "bg-slate-100 text-slate-500",
  failed: "bg-amber-500 text-white",
} as const;

/** Live approval progress: refreshes every 5 s while something is under way, every minute otherwise. */
export function ApprovalProgress({ applicationId, initial }: { applicationId: string; initial: CustomerProgress }) {
  const { data } = useLiveQuery(
    ["progress", applicationId],
    `/api/applications/${applicationId}/progress`,
    initial,
    (latest) =>
      latest.stages.some((stage) => stage.state === "current" && stage.id !== "sent") ? LIVE_BUSY_MS : LIVE_QUIET_MS,
  );
  return (
    <ol className="space-y-3" aria-label="Approval progress" data-testid="approval-progress">
      {data.stages.map((stage) => (
        <li key={stage.id} className="flex gap-3 text-sm" data-stage={stage.id} data-state={stage.state}>
          <span
            aria-hidden
            className={`flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-bold ${STYLE[stage.state]}`}
          >
            {ICON[stage.state]}
          </span>
          <span>
            <span className="block font-medium text-slate-900">
              {stage.label}
              <span className="sr-only"> ({stage.state === "todo" ? "not started" : stage.state})</span>
            </span>
            {stage.detail ? <span className="text-slate-600">{stage.detail}</span> : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
