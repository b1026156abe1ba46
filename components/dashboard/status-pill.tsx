import { statusTone } from "@/lib/dashboard/status-labels";

const TONES = {
  good: "bg-emerald-100 text-emerald-800",
  bad: "bg-red-100 text-red-800",
  wait: "bg-brand-50 text-brand-700",
  none: "text-slate-400",
} as const;

/** A Twilio status in words, coloured by whether it is good, bad or still under way. */
export function StatusPill({ status, label }: { status: string | null; label: string }) {
  const tone = statusTone(status);
  if (tone === "none") return <span className={TONES.none}>—</span>;
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${TONES[tone]}`}>
      {label}
    </span>
  );
}
