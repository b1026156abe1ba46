"use client";

import { useActionState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import { emailTextAction } from "@/lib/server/actions/branding-actions";

/**
 * One kind of email's wording: preview it with a sample (nothing saved), save it, or go back to
 * the portal's own. The preview shows what a customer receives, text and HTML.
 */
export function EmailTextForm({ kind, subject, body }: { kind: string; subject: string; body: string }) {
  const [state, act, acting] = useActionState(emailTextAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const shown = state?.ok ? state.data : null;
  // What was typed stays after a preview or an error; after "use the portal's wording" the saved
  // wording (new props, and a new key so the fields take it) shows.
  const echo = shown?.intent === "reset" ? undefined : state?.values;
  return (
    <div className="space-y-6">
      <form action={act} className="space-y-4" key={`${subject}\n${body}`}>
        <input type="hidden" name="kind" value={kind} />
        {shown?.intent === "save" ? (
          <Alert tone="success">Saved: customers receive this wording from now on.</Alert>
        ) : null}
        {shown?.intent === "reset" ? <Alert tone="success">Back to the portal&apos;s own wording.</Alert> : null}
        <TextField
          label="Subject"
          name="subject"
          autoComplete="off"
          defaultValue={echo?.subject ?? subject}
          error={errors.subject?.[0]}
        />
        <TextAreaField label="Text" name="body" rows={10} defaultValue={echo?.body ?? body} error={errors.body?.[0]} />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" name="intent" value="preview" variant="secondary" disabled={acting}>
            Preview
          </Button>
          <Button type="submit" name="intent" value="save" disabled={acting}>
            Save
          </Button>
          <Button type="submit" name="intent" value="reset" variant="secondary" disabled={acting}>
            Use the portal&apos;s wording
          </Button>
        </div>
      </form>
      {shown ? (
        <section aria-labelledby="preview-heading" className="space-y-3">
          <h2 id="preview-heading" className="text-base font-semibold text-slate-900">
            Preview (a sample customer)
          </h2>
          <p className="text-sm">
            <span className="text-slate-600">Subject:</span> <span data-testid="preview-subject">{shown.subject}</span>
          </p>
          <pre
            data-testid="preview-text"
            className="whitespace-pre-wrap rounded border border-slate-200 bg-white p-3 text-sm"
          >
            {shown.text}
          </pre>
          <iframe
            title="The email as customers see it"
            sandbox=""
            srcDoc={shown.html}
            className="h-96 w-full rounded border border-slate-200 bg-white"
          />
        </section>
      ) : null}
    </div>
  );
}
