"use client";

import { Button } from "@/components/ui/button";

/** Back and Next at the bottom of a step. */
export function StepActions({
  onBack,
  nextLabel = "Next",
  busy,
  readOnly,
}: {
  onBack?: () => void;
  nextLabel?: string;
  busy?: boolean;
  readOnly?: boolean;
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-5">
      {onBack ? (
        <Button variant="secondary" onClick={onBack}>
          Back
        </Button>
      ) : (
        <span />
      )}
      <Button type="submit" disabled={busy}>
        {readOnly ? "Next" : nextLabel}
      </Button>
    </div>
  );
}
