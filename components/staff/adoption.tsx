"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { startAdoptionScanAction } from "@/lib/server/actions/adoption-actions";

/** Starts the read-only scan; posts before the page hydrates. */
export function StartAdoptionScan() {
  const [state, start, starting] = useActionState(startAdoptionScanAction, null);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={start} className="space-y-3">
      {state && !state.ok && state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      {state?.ok ? <Alert tone="success">Scan started: its progress is below.</Alert> : null}
      <Button type="submit" disabled={starting}>
        {starting ? "Starting…" : "Scan Twilio"}
      </Button>
    </form>
  );
}
