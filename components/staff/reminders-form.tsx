"use client";

import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { setRemindersAction } from "@/lib/server/actions/reminder-actions";

/** Whether the customer is reminded of an unfinished draft or unanswered changes; posts before hydration. */
export function RemindersForm({ organizationId, on }: { organizationId: string; on: boolean }) {
  const [state, save, saving] = useActionState(setRemindersAction, null);
  const current = state?.ok ? state.data.on : on;
  return (
    <form action={save} className="space-y-3">
      <input type="hidden" name="organizationId" value={organizationId} />
      {state && !state.ok && state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      {state?.ok ? <Alert tone="success">{current ? "Reminders on." : "Reminders off."}</Alert> : null}
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="reminders" defaultChecked={current} className="mt-0.5" />
        <span>
          Email reminders when the application waits on this customer (an unfinished draft, changes asked for)
        </span>
      </label>
      <Button type="submit" variant="secondary" disabled={saving}>
        {saving ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}
