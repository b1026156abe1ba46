"use client";

import type { AutosaveState } from "./use-versioned-autosave";

const time = (iso: string) =>
  new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit" }).format(new Date(iso));

/** "Saving…", "Saved 14:02", "Not saved — Retry": announced politely to screen readers. */
export function SaveStatusView({ saveState, onRetry }: { saveState: AutosaveState<unknown>; onRetry: () => void }) {
  return (
    <div role="status" aria-live="polite" className="text-sm" data-testid="save-status">
      {saveState.kind === "saving" ? <span className="text-slate-600">Saving…</span> : null}
      {saveState.kind === "saved" ? <span className="text-emerald-700">Saved {time(saveState.at)}</span> : null}
      {saveState.kind === "idle" ? <span className="text-slate-500">Your answers are saved as you type.</span> : null}
      {saveState.kind === "error" ? (
        <span className="text-red-700">
          Not saved —{" "}
          <button type="button" className="font-semibold underline" onClick={onRetry}>
            Retry
          </button>
        </span>
      ) : null}
      {saveState.kind === "conflict" ? <span className="text-amber-800">Not saved — see the message above</span> : null}
    </div>
  );
}
