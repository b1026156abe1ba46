"use client";

import { SaveStatusView } from "@/components/forms/save-status-view";

import { useWizard } from "./wizard-context";

/** The wizard's save status (nothing once the application is read-only). */
export function SaveStatus() {
  const { saveState, saveNow, readOnly } = useWizard();
  if (readOnly) return null;
  return <SaveStatusView saveState={saveState} onRetry={() => void saveNow()} />;
}
