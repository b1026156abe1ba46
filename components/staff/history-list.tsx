import { formatDateTime } from "@/components/ui/format";

type Entry = { id: string; createdAt: Date; action: string; actor: { email: string } | null };

/** Audit entries, newest first: when, what, who. */
export function HistoryList({ entries, empty = "Nothing has happened yet." }: { entries: Entry[]; empty?: string }) {
  if (!entries.length) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ol className="space-y-1 text-sm">
      {entries.map((entry) => (
        <li key={entry.id} className="flex flex-wrap gap-x-3">
          <span className="text-slate-500">{formatDateTime(entry.createdAt)}</span>
          <span className="font-medium text-slate-800">{entry.action}</span>
          <span className="text-slate-600">{entry.actor?.email ?? "system"}</span>
        </li>
      ))}
    </ol>
  );
}
