import { STAGES, type StageId } from "@/lib/dashboard/stages";

/** An application's stage; failures and requests in amber/red, stuck ones flagged in words too. */
export function StageBadge({ stage, stuck }: { stage: StageId; stuck?: boolean }) {
  const info = STAGES[stage];
  const failed = stage.endsWith("-failed") || stage === "profile-rejected";
  const tone = failed
    ? "bg-red-100 text-red-800"
    : info.attention
      ? "bg-amber-100 text-amber-900"
      : stage === "campaign-verified" || stage === "brand-approved"
        ? "bg-emerald-100 text-emerald-800"
        : stage === "draft"
          ? "bg-slate-100 text-slate-700"
          : "bg-brand-50 text-brand-700";
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap ${tone}`}>
        {info.label}
      </span>
      {stuck ? (
        <span className="inline-flex rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">
          Overdue
        </span>
      ) : null}
    </span>
  );
}
