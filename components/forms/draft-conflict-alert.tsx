"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";

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
