"use client";

import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { InlineFormError } from "@/components/ui/inline-form-error";
import { ShownOnce } from "@/components/ui/shown-once";
import { TextField } from "@/components/ui/text-field";
import {
  createWebhookEndpointAction,
  disableWebhookEndpointAction,
  rotateWebhookSecretAction,
  sendWebhookAgainAction,
} from "@/lib/server/actions/webhook-actions";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";

/** The signing secret, shown once in the answer to the form that made it. */
function SecretOnce({ secret, id }: { secret: string; id: string }) {
  return <ShownOnce id={id} label="Signing secret (Standard Webhooks)" value={secret} testId="webhook-secret" />;
}

/** An administrator adds an endpoint and chooses its events; a form that posts before hydration. */
export function CreateWebhookEndpointForm() {
  const [state, create, creating] = useActionState(createWebhookEndpointAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const created = state?.ok ? state.data : null;
  return (
    <div className="space-y-4">
      {created ? (
        <Alert tone="success" title={`Endpoint ${created.url} added`}>
          <p>Copy the secret now: it is shown this once. Verify every message with it.</p>
          <SecretOnce secret={created.secret} id="new-webhook-secret" />
        </Alert>
      ) : null}
      <form action={create} className="space-y-4" key={created?.secret ?? "form"}>
        {state && !state.ok && state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
        <TextField
          label="Endpoint URL"
          name="url"
          type="url"
          autoComplete="off"
          defaultValue={state && !state.ok ? (state.values?.url ?? "") : ""}
          error={errors.url?.[0]}
        />
        <TextField
          label="Description (optional)"
          name="description"
          autoComplete="off"
          defaultValue={state && !state.ok ? (state.values?.description ?? "") : ""}
          error={errors.description?.[0]}
        />
        <fieldset aria-describedby={errors.eventTypes ? "event-types-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">Events</legend>
          <div className="mt-2 space-y-2 text-sm">
            {Object.entries(WEBHOOK_EVENT_TYPES).map(([type, meaning]) => (
              <label key={type} className="flex items-start gap-2">
                <input
                  type="checkbox"
                  name="eventTypes"
                  value={type}
                  className="mt-0.5"
                  defaultChecked={!state || state.ok || (state.choices?.eventTypes ?? []).includes(type)}
                />
                <span>
                  <span className="font-mono text-xs">{type}</span> — {meaning}
                </span>
              </label>
            ))}
          </div>
          {errors.eventTypes ? (
            <p id="event-types-error" role="alert" className="mt-1 text-sm text-red-700">
              {errors.eventTypes[0]}
            </p>
          ) : null}
        </fieldset>
        <Button type="submit" disabled={creating}>
          {creating ? "Adding…" : "Add endpoint"}
        </Button>
      </form>
    </div>
  );
}

/** Rotate the secret (the old one signs beside the new for a day) or stop sending. */
export function WebhookEndpointControls({ id, url }: { id: string; url: string }) {
  const [rotated, rotate, rotating] = useActionState(rotateWebhookSecretAction, null);
  const [disabled, disable, disabling] = useActionState(disableWebhookEndpointAction, null);
  return (
    <div className="mt-1 space-y-2">
      {rotated?.ok ? (
        <Alert tone="success" title="New secret">
          <p>The previous secret keeps signing beside it for 24 hours. Copy it now: it is shown this once.</p>
          <SecretOnce secret={rotated.data.secret} id={`rotated-${id}`} />
        </Alert>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <form action={rotate}>
          <input type="hidden" name="id" value={id} />
          <Button type="submit" variant="ghost" disabled={rotating} aria-label={`Rotate the secret of ${url}`}>
            Rotate secret
          </Button>
        </form>
        <form action={disable}>
          <input type="hidden" name="id" value={id} />
          <Button type="submit" variant="ghost" disabled={disabling} aria-label={`Disable ${url}`}>
            Disable
          </Button>
        </form>
        <InlineFormError
          message={
            (rotated && !rotated.ok && rotated.formError) || (disabled && !disabled.ok && disabled.formError) || null
          }
        />
      </div>
    </div>
  );
}

export function SendAgainButton({ id, label }: { id: string; label: string }) {
  const [state, send, sending] = useActionState(sendWebhookAgainAction, null);
  return (
    <form action={send} className="inline-flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="ghost" disabled={sending} aria-label={`Send ${label} again`}>
        Send again
      </Button>
      <InlineFormError state={state} />
    </form>
  );
}
