"use client";

import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { InlineFormError } from "@/components/ui/inline-form-error";
import { ShownOnce } from "@/components/ui/shown-once";
import { TextField } from "@/components/ui/text-field";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/server/actions/api-key-actions";

/**
 * An administrator's form for a new API key. The key is shown once, in the answer to this form;
 * the portal keeps only its hash. A form that posts before the page hydrates.
 */
export function CreateApiKeyForm() {
  const [state, create, creating] = useActionState(createApiKeyAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const created = state?.ok ? state.data : null;
  return (
    <div className="space-y-4">
      {created ? (
        <Alert tone="success" title={`Key “${created.name}” made`}>
          <p>Copy it now: it is shown this once, and the portal keeps only a hash of it.</p>
          <ShownOnce
            id="new-api-key"
            label={`API key (${created.scope === "read_write" ? "read and write" : "read only"})`}
            value={created.key}
            testId="new-api-key"
          />
        </Alert>
      ) : null}
      <form action={create} className="space-y-4" key={created?.key ?? "form"}>
        {state && !state.ok && state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
        <TextField
          label="Name"
          name="name"
          autoComplete="off"
          defaultValue={state && !state.ok ? (state.values?.name ?? "") : ""}
          hint="What uses the key, such as “Billing system”."
          error={errors.name?.[0]}
        />
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">What it may do</legend>
          <div className="mt-2 space-y-2 text-sm">
            <label className="flex items-start gap-2">
              <input type="radio" name="scope" value="read" className="mt-0.5" defaultChecked />
              <span>
                <span className="font-medium">Read</span> — customers, their stages and statuses.
              </span>
            </label>
            <label className="flex items-start gap-2">
              <input
                type="radio"
                name="scope"
                value="read_write"
                className="mt-0.5"
                defaultChecked={state && !state.ok ? state.values?.scope === "read_write" : false}
              />
              <span>
                <span className="font-medium">Read and write</span> — also creates customers, invites their first user
                and prefills their drafts.
              </span>
            </label>
          </div>
          {errors.scope ? (
            <p role="alert" className="mt-1 text-sm text-red-700">
              {errors.scope[0]}
            </p>
          ) : null}
        </fieldset>
        <Button type="submit" disabled={creating}>
          {creating ? "Making…" : "Make API key"}
        </Button>
      </form>
    </div>
  );
}

/** Revokes one key at once; requests with it are refused from then on, on every instance. */
export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  const [state, revoke, revoking] = useActionState(revokeApiKeyAction, null);
  return (
    <form action={revoke} className="inline-flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="ghost" disabled={revoking} aria-label={`Revoke ${name}`}>
        Revoke
      </Button>
      <InlineFormError state={state} />
    </form>
  );
}
