"use client";

import { useRouter } from "next/navigation";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";

import type { AutosaveState } from "./use-versioned-autosave";

/**
 * A save refused because a newer version exists (another tab, or a staff correction) or because
 * the draft was sent meanwhile: nothing was overwritten, and the user chooses what happens next.
 */
export function DraftConflictAlert({
  noun,
  newerSavedAt,
  locked,
  onShowSent,
  onUseNewer,
  onKeepMine,
}: {
  /** "application", "campaign". */
  noun: string;
  newerSavedAt: string;
  locked: boolean;
  onShowSent: () => void;
  onUseNewer: () => void;
  onKeepMine: () => void;
}) {
  return (
    <Alert
      tone="warning"
      title={locked ? `This ${noun} can no longer be edited` : `This ${noun} was changed somewhere else`}
    >
      <p>
        {locked
          ? "It was sent for review from another tab or device. Your latest changes were not saved."
          : `A newer version was saved at ${formatDateTime(newerSavedAt)} (in another tab, or by our team). Your latest changes were not saved, so nothing was overwritten.`}
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button variant="secondary" onClick={locked ? onShowSent : onUseNewer}>
          {locked ? `Show the sent ${noun}` : "Use the newer version"}
        </Button>
        {locked ? null : (
          <Button variant="ghost" onClick={onKeepMine}>
            Keep my changes
          </Button>
        )}
      </div>
    </Alert>
  );
}

/**
 * The conflict alert for an autosaved draft, when its save state is a conflict: "show the sent
 * one" reloads the page's data; "use the newer version" takes it and tells the form to reload its
 * fields (`onTookNewer`); "keep my changes" saves over it deliberately.
 */
export function AutosaveConflict({
  noun,
  saveState,
  resolveConflict,
  onTookNewer,
}: {
  noun: string;
  saveState: AutosaveState<{ updatedAt: string }>;
  resolveConflict: (choice: "use-newer" | "keep-mine") => Promise<void>;
  onTookNewer: () => void;
}) {
  const router = useRouter();
  if (saveState.kind !== "conflict") return null;
  return (
    <DraftConflictAlert
      noun={noun}
      newerSavedAt={saveState.newer.updatedAt}
      locked={saveState.locked}
      onShowSent={() => router.refresh()}
      onUseNewer={async () => {
        await resolveConflict("use-newer");
        onTookNewer();
      }}
      onKeepMine={() => void resolveConflict("keep-mine")}
    />
  );
}
